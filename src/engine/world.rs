//! The Typst World: a shared base (library, fonts) and a cheap per-document world that
//! brings only its generated main source. Files are readable only inside the project
//! root; there are no packages and no clock.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use typst::WorldExt;
use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{DiagSpan, FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

use super::file_cache::FileCache;
use super::split::Split;

/// Every document has the same main file id. File ids are interned for the life of the
/// process (at most 65,535), so one per document would run out in a long batch.
static MAIN: LazyLock<FileId> = LazyLock::new(|| {
    let path = VirtualPath::new("/main.typ").expect("a valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
});

/// What every document of a run shares: the standard library, fonts, the root, and the
/// files documents have read (attachments, logos).
pub struct Base {
    library: LazyHash<Library>,
    fonts: FontStore,
    root: PathBuf,
    /// One slot per file, as Typst's own CLI keeps: a packet calls `image()` once per
    /// attachment page, and each call reading the file anew held one copy of the whole
    /// file (and its parse) per page.
    files: Arc<FileCache>,
}

impl Base {
    /// The bytes of a file of the project, through the run's file cache.
    pub fn file(&self, path: &Path) -> std::io::Result<Bytes> {
        self.files.read(path)
    }

    /// A base over a project root with loaded fonts.
    pub fn new(root: &Path, fonts: FontStore, files: Arc<FileCache>) -> Self {
        Self {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            root: root.to_path_buf(),
            files,
        }
    }
}

/// One document: the base plus its generated Typst source, cut into files (see
/// [`Split`]).
pub struct DocWorld<'a> {
    base: &'a Base,
    generated: String,
    main: Source,
    split: Split,
}

impl<'a> DocWorld<'a> {
    /// A world whose source is `text`.
    pub fn new(base: &'a Base, text: String) -> Self {
        let mut split = Split::new(&text);
        crate::diag::trace(format_args!(
            "typesetting from {} files",
            split.parts.len() + 1
        ));
        let main = Source::new(*MAIN, std::mem::take(&mut split.main));
        Self {
            base,
            generated: text,
            main,
            split,
        }
    }

    /// The generated source, as one text.
    pub fn generated(&self) -> &str {
        &self.generated
    }

    /// Where a span points in the generated source (for mapping diagnostics to lines).
    pub fn generated_offset(&self, span: DiagSpan) -> Option<usize> {
        let range = self.range(span)?;
        self.split.offset(span.id()?, range)
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::NotFound(spec.clone())));
        }
        let path = id
            .vpath()
            .realize(&self.base.root)
            .map_err(|_| FileError::AccessDenied)?;
        // Symlinks could lead out of the project: compare the real path with the root.
        let real = path
            .canonicalize()
            .map_err(|e| FileError::from_io(e, &path))?;
        if !real.starts_with(&self.base.root) {
            return Err(FileError::AccessDenied);
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        self.base
            .files
            .read(&real)
            .map_err(|e| FileError::from_io(e, &real))
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.base.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.base.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN {
            return Ok(self.main.clone());
        }
        // Only the generated files are Typst source; nothing else may be imported.
        self.split
            .parts
            .iter()
            .find(|part| part.source.id() == id)
            .map(|part| part.source.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Ok(source) = self.source(id) {
            return Ok(Bytes::from_string(source));
        }
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.base.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // No clock: output must not depend on when it was built.
        None
    }
}

//! Writing output files atomically: a temporary file beside the target, renamed into place,
//! so a reader never sees half a PDF and a failed build never replaces a good one.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `target` atomically, creating its folder if needed.
pub fn atomic_write(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    stage(target, bytes)?.commit()
}

/// A file written beside its target, not yet in place: [`Staged::commit`] renames it into
/// place; dropped instead, it is deleted. Several documents that must appear together are
/// staged one by one (so none is held in memory while the next is made) and committed
/// once all exist.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
}

/// Writes `bytes` to a temporary file beside `target`, creating its folder if needed.
pub fn stage(target: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".sagsgen-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    // Temporary files are private (0600); a published PDF is an ordinary readable file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temp.as_file().sync_data()?;
    Ok(Staged {
        temp,
        target: target.to_path_buf(),
    })
}

/// What a file is to hold: text made in memory, or a copy of another file — read only when
/// it is compared and written, so a run that copies many files holds one at a time.
#[derive(Debug, Clone)]
pub enum Content {
    /// Text (or bytes) made in memory.
    Text(Vec<u8>),
    /// The bytes of this file.
    Copy(PathBuf),
}

impl Content {
    /// Its bytes.
    pub fn bytes(&self) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        match self {
            Content::Text(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            Content::Copy(from) => std::fs::read(from).map(std::borrow::Cow::Owned),
        }
    }
}

impl From<String> for Content {
    fn from(text: String) -> Self {
        Content::Text(text.into_bytes())
    }
}

/// Whether `target` already holds exactly `bytes` (sizes compared first, so most files
/// that differ are told apart without being read).
pub fn holds(target: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(target).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(target).is_ok_and(|old| old == bytes)
}

impl Staged {
    /// Renames the file into place.
    pub fn commit(self) -> std::io::Result<()> {
        self.temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }

    /// Where it goes.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a/b.pdf");
        atomic_write(&target, b"one").unwrap();
        atomic_write(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["b.pdf"]);
    }

    #[test]
    fn staged_files_appear_only_when_committed_and_vanish_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let kept = stage(&dir.path().join("kept.pdf"), b"a").unwrap();
        let dropped = stage(&dir.path().join("dropped.pdf"), b"b").unwrap();
        assert!(!dir.path().join("kept.pdf").exists());
        kept.commit().unwrap();
        drop(dropped);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["kept.pdf"]);
    }
}

//! The order a batch builds its inputs in, so that memory stays flat and every file is
//! still read once: each meeting of the meetings folder comes just before the cases it is
//! the last meeting to include, and those cases wait until it is loaded (they are handed
//! over from it, not read again). A case lives only from its meeting's load to its own
//! build, not from the start of the run to its end.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use crate::loader::Loader;
use crate::project::Project;

/// The build order of a batch's inputs.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Order {
    /// Indices of the inputs, in the order they are built.
    pub build: Vec<usize>,
    /// By input index: the meeting (input index) that must be loaded before this case is
    /// taken, when a meeting of the run includes it.
    pub after: Vec<Option<usize>>,
    /// The inputs' canonical paths: a case among them reports its own problems, not the
    /// meeting that includes it.
    pub inputs: HashSet<PathBuf>,
}

/// Plans the order: the meetings folder's files are read ahead (the loader keeps their
/// texts for their load) to learn which cases each includes.
pub fn plan(project: &Project, files: &[PathBuf], loader: &Loader<'_>) -> Order {
    let meetings_folder = project.root.join(crate::project::MEETINGS_FOLDER);
    let canonical: Vec<Option<PathBuf>> = files.iter().map(|f| f.canonicalize().ok()).collect();
    let index_of: HashMap<&Path, usize> = canonical
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.as_deref().map(|c| (c, i)))
        .collect();
    let mut includes: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, path) in canonical.iter().enumerate() {
        let Some(path) = path.as_deref().filter(|p| p.starts_with(&meetings_folder)) else {
            continue;
        };
        let Some(text) = loader.read_ahead(path) else {
            continue;
        };
        let cases = included_cases(&text.text, path)
            .iter()
            .filter_map(|c| index_of.get(c.as_path()).copied())
            .filter(|c| *c != i)
            .collect();
        includes.push((i, cases));
    }
    Order {
        inputs: canonical.into_iter().flatten().collect(),
        ..arrange(files.len(), &includes)
    }
}

/// The order from which meetings include which cases (by input index, meetings in input
/// order): each meeting, then the cases whose last including meeting it is, then the rest.
fn arrange(count: usize, includes: &[(usize, Vec<usize>)]) -> Order {
    let meetings: Vec<usize> = includes.iter().map(|(m, _)| *m).collect();
    let mut after: Vec<Option<usize>> = vec![None; count];
    for (meeting, cases) in includes {
        for case in cases {
            if !meetings.contains(case) {
                after[*case] = Some(*meeting);
            }
        }
    }
    let mut cases_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for (case, meeting) in after.iter().enumerate() {
        if let Some(meeting) = meeting {
            cases_of.entry(*meeting).or_default().push(case);
        }
    }
    let mut placed = vec![false; count];
    let mut build = Vec::with_capacity(count);
    for meeting in &meetings {
        build.push(*meeting);
        placed[*meeting] = true;
        for case in cases_of.remove(meeting).unwrap_or_default() {
            build.push(case);
            placed[case] = true;
        }
    }
    build.extend((0..count).filter(|i| !placed[*i]));
    Order {
        build,
        after,
        inputs: HashSet::new(),
    }
}

/// The case files a meeting's text names (`sag = "…"` of its `[[punkter]]`), canonical;
/// none when it is no meeting or does not parse (its load says why).
fn included_cases(text: &str, meeting: &Path) -> Vec<PathBuf> {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    if table.get("type").and_then(|t| t.as_str()) != Some("moede") {
        return Vec::new();
    }
    let dir = meeting.parent().unwrap_or(Path::new("."));
    table
        .get("punkter")
        .and_then(|p| p.as_array())
        .into_iter()
        .flatten()
        .filter_map(|item| item.get("sag")?.as_str())
        .filter_map(|sag| dir.join(sag).canonicalize().ok())
        .collect()
}

/// A one-way gate: closed until opened, then open for good.
#[derive(Default)]
pub struct Latch {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Latch {
    /// Opens the gate for every waiter, now and later.
    pub fn open(&self) {
        *self.open.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.opened.notify_all();
    }

    /// Waits until the gate is open.
    pub fn wait(&self) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        while !*open {
            open = self.opened.wait(open).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Opens a latch when dropped: a meeting's gate opens however its turn ends.
pub struct OpensOnDrop<'a>(pub &'a Latch);

impl Drop for OpensOnDrop<'_> {
    fn drop(&mut self) {
        self.0.open();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_case_comes_after_the_last_meeting_that_includes_it() {
        // Inputs 0..6: cases 0-3, meetings 4 (cases 1, 2) and 5 (cases 2, 3).
        let order = arrange(6, &[(4, vec![1, 2]), (5, vec![2, 3])]);
        assert_eq!(order.build, [4, 1, 5, 2, 3, 0]);
        assert_eq!(order.after, [None, Some(4), Some(5), Some(5), None, None]);
    }

    #[test]
    fn a_meeting_naming_a_meeting_does_not_wait_for_it() {
        let order = arrange(3, &[(1, vec![2]), (2, vec![0])]);
        assert_eq!(order.after, [Some(2), None, None]);
        assert_eq!(order.build, [1, 2, 0]);
    }

    #[test]
    fn a_latch_lets_waiters_through_once_opened() {
        let latch = Latch::default();
        std::thread::scope(|s| {
            let waiter = s.spawn(|| latch.wait());
            latch.open();
            waiter.join().unwrap();
        });
        latch.wait();
    }
}

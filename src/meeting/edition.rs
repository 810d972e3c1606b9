//! The six files built from one meeting.

/// One of the files a meeting builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edition {
    /// The full agenda.
    Dagsorden,
    /// The public agenda: closed items show only number, title and "Lukket punkt".
    DagsordenOffentlig,
    /// The minutes.
    Referat,
    /// The public minutes: closed items show their decision's `offentlig_tekst`.
    ReferatOffentlig,
    /// The agenda with each item's attachments after it.
    DagsordenMedBilag,
    /// The public agenda with each item's open attachments after it.
    DagsordenOffentligMedBilag,
}

impl Edition {
    /// Every edition, in build order.
    pub const ALL: [Edition; 6] = [
        Edition::Dagsorden,
        Edition::DagsordenOffentlig,
        Edition::Referat,
        Edition::ReferatOffentlig,
        Edition::DagsordenMedBilag,
        Edition::DagsordenOffentligMedBilag,
    ];

    /// The file name, without `.pdf`.
    pub fn file_stem(&self) -> &'static str {
        match self {
            Edition::Dagsorden => "dagsorden",
            Edition::DagsordenOffentlig => "dagsorden-offentlig",
            Edition::Referat => "referat",
            Edition::ReferatOffentlig => "referat-offentlig",
            Edition::DagsordenMedBilag => "dagsorden-med-bilag",
            Edition::DagsordenOffentligMedBilag => "dagsorden-offentlig-med-bilag",
        }
    }

    /// Whether closed content is left out.
    pub fn is_public(&self) -> bool {
        matches!(
            self,
            Edition::DagsordenOffentlig
                | Edition::ReferatOffentlig
                | Edition::DagsordenOffentligMedBilag
        )
    }

    /// Whether this is the minutes (decisions and attendance).
    pub fn is_minutes(&self) -> bool {
        matches!(self, Edition::Referat | Edition::ReferatOffentlig)
    }

    /// Whether attachments' pages are included (plain tagged PDF, no PDF/A claim).
    pub fn is_packet(&self) -> bool {
        matches!(
            self,
            Edition::DagsordenMedBilag | Edition::DagsordenOffentligMedBilag
        )
    }

    /// The packet made from this agenda (its pages, with the attachments').
    pub fn packet(&self) -> Option<Edition> {
        match self {
            Edition::Dagsorden => Some(Edition::DagsordenMedBilag),
            Edition::DagsordenOffentlig => Some(Edition::DagsordenOffentligMedBilag),
            _ => None,
        }
    }

    /// The agenda this packet is made from.
    pub fn agenda(&self) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.packet() == Some(*self))
    }

    /// `Dagsorden` or `Referat`, as printed.
    pub fn label(&self) -> &'static str {
        if self.is_minutes() {
            "Referat"
        } else {
            "Dagsorden"
        }
    }
}

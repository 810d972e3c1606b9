//! One integration-test binary: runs the real `sagsgen` binary (and the library, for the
//! property tests) on fixture projects and asserts on exit codes, messages and the PDFs'
//! extracted text, metadata, structure and conformance.

mod common;

mod archive;
mod batch;
mod cli;
mod conformance;
mod errors;
mod escaping;
mod handbook;
mod i18n;
mod import;
mod layering;
mod meetings;
mod messages;
mod mistakes;
mod output;
mod packets;
mod record;
mod scaffold;
mod schema;
mod sections;
mod seeds;
mod serve;
mod site;
mod structure;
mod watch;

//! Agenda data from the systems municipalities use (SBSYS, Acadre, eDoc, FirstAgenda
//! Publication), brought into a sagsgen project. So far the pieces every format needs:
//! their HTML as sagsgen's Markdown, section captions to fields, and decision captions.

pub mod captions;
pub mod decisions;
pub mod html;

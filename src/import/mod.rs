//! Agenda data from the systems municipalities use (SBSYS, Acadre, eDoc, FirstAgenda
//! Publication), brought into a sagsgen project. So far: their HTML as sagsgen's Markdown.

pub mod html;

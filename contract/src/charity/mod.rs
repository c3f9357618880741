//! The contract of the charity (慈善) journey: its request/response types and its rules,
//! enforced by both the app and the server. (Empty until the journey is built.)

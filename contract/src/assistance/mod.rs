//! The contract of the social assistance (社会救助) journey: its request/response types and its rules,
//! enforced by both the app and the server. (Empty until the journey is built.)

//! The contract of the tomb-sweeping and online memorials (祭扫) journey: its request/response types and its rules,
//! enforced by both the app and the server. (Empty until the journey is built.)

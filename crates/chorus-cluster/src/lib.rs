//! Groups cleaned articles into events.

//! Chains the stages: articles in, report out. Pure: no IO, no clock.

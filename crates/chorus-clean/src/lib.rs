//! Cleaning: paragraphs, normalisation, boilerplate and repeated-paragraph removal, sentences; offsets kept.

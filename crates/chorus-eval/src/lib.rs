//! Evaluation metrics for chorus. ROUGE-1, ROUGE-2 and ROUGE-Lsum, computed exactly as Google's
//! reference `rouge-score` package does with `use_stemmer=True`: the same tokenizer, the same
//! Porter stemmer (NLTK's default mode), the same union-LCS with its tie-breaking; and Pearson's
//! r for similarities against graded judgements. Pure functions over strings and numbers;
//! reading data sets is the caller's business, except SemEval's judged pairs ([`semeval`]),
//! which the floor tests and `cargo xtask similarity` read and answer alike.

pub mod account;
mod correlation;
mod porter;
mod rouge;
pub mod semeval;

pub use correlation::pearson;
pub use porter::stem;
pub use rouge::{rouge_lsum, rouge_n, score, tokenize, Mean, RougeScores, Score};

//! Evaluation metrics for chorus. ROUGE-1, ROUGE-2 and ROUGE-Lsum, computed exactly as Google's
//! reference `rouge-score` package does with `use_stemmer=True`: the same tokenizer, the same
//! Porter stemmer (NLTK's default mode), the same union-LCS with its tie-breaking. Pure
//! functions over strings; reading data sets is the caller's business.

mod porter;
mod rouge;

pub use porter::stem;
pub use rouge::{rouge_lsum, rouge_n, score, tokenize, Mean, RougeScores, Score};

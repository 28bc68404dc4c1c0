//! Text primitives: normalisation with offset maps, sentences, tokens, stems.

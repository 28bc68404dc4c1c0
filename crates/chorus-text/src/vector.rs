//! Sparse term vectors and their cosine, shared by every similarity in chorus.

/// Sorted `(term id, weight)` pairs.
pub type SparseVector = Vec<(u32, f32)>;

/// Dot product of two sorted sparse vectors (the cosine when both have unit length).
pub fn cosine(a: &SparseVector, b: &SparseVector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Sorts `v` by term id and scales it to unit length.
pub fn unit(mut v: SparseVector) -> SparseVector {
    v.sort_unstable_by_key(|x| x.0);
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| x.1 /= norm);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_unit_vectors() {
        let a = unit(vec![(2, 1.0), (1, 1.0)]);
        let b = unit(vec![(1, 3.0)]);
        assert!((cosine(&a, &b) - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
        assert_eq!(cosine(&a, &vec![]), 0.0);
    }
}

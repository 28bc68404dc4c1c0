//! Disjoint sets over `0..n` (union-find with path halving), as the grouping stages join
//! members, names and entities. A union keeps the smaller of the two roots, so a set's root is
//! its first member and the sets do not depend on the order of the unions.

/// Disjoint sets over `0..n`; each element starts alone.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` elements, each a set of its own.
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// How many elements there are.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The root of `x`'s set: its smallest element.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`. When they were two, returns (the root kept, the root
    /// joined to it), so a caller keeping data at the roots can move it; None when they were
    /// one already.
    pub fn union(&mut self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        self.parent[gone] = keep;
        Some((keep, gone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_rooted_at_its_first_member_whatever_the_order_of_unions() {
        let mut forward = UnionFind::new(6);
        let mut backward = UnionFind::new(6);
        for (a, b) in [(4, 5), (2, 4), (1, 3)] {
            forward.union(a, b);
        }
        for (a, b) in [(1, 3), (2, 4), (5, 4)] {
            backward.union(a, b);
        }
        for x in 0..6 {
            assert_eq!(forward.find(x), backward.find(x));
        }
        assert_eq!(
            (0..6).map(|x| forward.find(x)).collect::<Vec<_>>(),
            [0, 1, 2, 1, 2, 2]
        );
        assert_eq!(forward.union(5, 2), None);
        assert_eq!(forward.union(5, 3), Some((1, 2)));
    }
}

//! The jump history: where each related jump started, so going back returns there with the
//! filter as it was. A small model; it must not know about keys, panes or drawing.

use super::list::Selection;

/// A place to go back to: what was selected and what the filter said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub selection: Selection,
    pub filter: String,
}

/// Visits, most recent last. Bounded, so a long session of jumps cannot grow it without limit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    visits: Vec<Visit>,
}

impl History {
    /// The most visits kept; the oldest go first.
    pub const MAX: usize = 100;

    pub fn push(&mut self, visit: Visit) {
        if self.visits.len() == Self::MAX {
            self.visits.remove(0);
        }
        self.visits.push(visit);
    }

    pub fn pop(&mut self) -> Option<Visit> {
        self.visits.pop()
    }

    pub fn last(&self) -> Option<&Visit> {
        self.visits.last()
    }

    pub fn len(&self) -> usize {
        self.visits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visits.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::OccupationIdx;

    fn visit(o: usize) -> Visit {
        Visit {
            selection: Selection::Occupation(OccupationIdx(o)),
            filter: String::new(),
        }
    }

    #[test]
    fn last_in_first_out_and_bounded() {
        let mut h = History::default();
        for o in 0..History::MAX + 5 {
            h.push(visit(o));
        }
        assert_eq!(h.len(), History::MAX);
        assert_eq!(h.pop(), Some(visit(History::MAX + 4)));
        assert_eq!(h.last(), Some(&visit(History::MAX + 3)));
    }
}

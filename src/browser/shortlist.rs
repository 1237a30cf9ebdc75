//! The shortlist: the occupations an advisor marked with a client, in the order they were marked.
//! A small model with no view of its own (the list shows marks, [`super::overlay::shortlist`]
//! shows the list); it must not know about keys or drawing.

use crate::catalog::OccupationIdx;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist {
    items: Vec<OccupationIdx>,
}

impl Shortlist {
    /// The marked occupations, first marked first.
    pub fn items(&self) -> &[OccupationIdx] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn contains(&self, o: OccupationIdx) -> bool {
        self.items.contains(&o)
    }

    /// Adds or removes; true when it is now marked.
    pub fn toggle(&mut self, o: OccupationIdx) -> bool {
        if let Some(i) = self.items.iter().position(|&x| x == o) {
            self.items.remove(i);
            false
        } else {
            self.items.push(o);
            true
        }
    }

    /// Puts `o` back at `index` (or at the end), unless it is already there: an undone removal.
    pub fn insert_at(&mut self, index: usize, o: OccupationIdx) {
        if !self.contains(o) {
            self.items.insert(index.min(self.items.len()), o);
        }
    }

    /// Removes the item at `index`, if there is one.
    pub fn remove_at(&mut self, index: usize) -> Option<OccupationIdx> {
        (index < self.items.len()).then(|| self.items.remove(index))
    }

    /// What Compare shows: the first three marked, topped up with `selected` when fewer than
    /// three are marked and it is not one of them.
    pub fn compare_set(&self, selected: Option<OccupationIdx>) -> Vec<OccupationIdx> {
        let mut items: Vec<OccupationIdx> = self.items.iter().copied().take(3).collect();
        if items.len() < 3
            && let Some(o) = selected
            && !items.contains(&o)
        {
            items.push(o);
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_keeps_the_order_of_marking() {
        let mut s = Shortlist::default();
        assert!(s.toggle(OccupationIdx(3)));
        assert!(s.toggle(OccupationIdx(1)));
        assert_eq!(s.items(), [OccupationIdx(3), OccupationIdx(1)]);
        assert!(!s.toggle(OccupationIdx(3)));
        assert_eq!(s.items(), [OccupationIdx(1)]);
        assert_eq!(s.remove_at(5), None);
        assert_eq!(s.remove_at(0), Some(OccupationIdx(1)));
        assert!(s.is_empty());
    }

    #[test]
    fn compare_takes_three_marked_or_tops_up_with_the_selection() {
        let mut s = Shortlist::default();
        s.toggle(OccupationIdx(0));
        assert_eq!(
            s.compare_set(Some(OccupationIdx(4))),
            [OccupationIdx(0), OccupationIdx(4)]
        );
        assert_eq!(s.compare_set(Some(OccupationIdx(0))), [OccupationIdx(0)]);
        for o in 1..4 {
            s.toggle(OccupationIdx(o));
        }
        assert_eq!(s.compare_set(Some(OccupationIdx(9))).len(), 3);
    }
}

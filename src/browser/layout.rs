//! Where each pane goes for a given terminal size. Shared by `update` (to know how many rows a
//! page is and which row a click hit) and by the view, so the two can never disagree. Geometry
//! only: it must not know what a pane shows.

use ratatui::layout::Rect;

/// Below this width or height the panes cannot be shown; one line says so instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 10;

/// The screen regions for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub screen: Rect,
    /// The cluster list, including its border.
    pub list: Rect,
    /// The detail pane, including its border.
    pub detail: Rect,
    /// The filter input line.
    pub filter: Rect,
    /// The key-hint line, two lines tall while a message needs them.
    pub hints: Rect,
    /// True when the screen is too small for the panes.
    pub too_small: bool,
    /// Presentation mode: a narrower list, a roomier detail.
    pub present: bool,
}

impl Areas {
    /// The regions for `screen`, with `status_lines` (1 or 2) at the bottom for the hints or a
    /// message.
    pub fn new(screen: Rect, present: bool, status_lines: u16) -> Areas {
        if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
            return Areas {
                screen,
                too_small: true,
                present,
                ..Areas::default()
            };
        }
        let status_lines = status_lines.clamp(1, 2);
        let main_height = screen.height - 1 - status_lines;
        let list_width = if present {
            // the detail is what the room reads; the list only orients
            (screen.width * 35 / 100).clamp(24, 40)
        } else {
            (screen.width * 45 / 100).clamp(24, 50)
        };
        let list = Rect::new(screen.x, screen.y, list_width, main_height);
        let detail = Rect::new(
            screen.x + list_width,
            screen.y,
            screen.width - list_width,
            main_height,
        );
        let filter = Rect::new(screen.x, screen.y + main_height, screen.width, 1);
        let hints = Rect::new(
            screen.x,
            screen.y + main_height + 1,
            screen.width,
            status_lines,
        );
        Areas {
            screen,
            list,
            detail,
            filter,
            hints,
            too_small: false,
            present,
        }
    }

    /// The rows of the list inside its border.
    pub fn list_inner(&self) -> Rect {
        inner(self.list, 0)
    }

    /// The text area of the detail inside its border and padding.
    pub fn detail_inner(&self) -> Rect {
        inner(self.detail, self.detail_padding())
    }

    /// The full-screen comparison: everything but the bottom line, which keeps showing messages.
    pub fn compare(&self) -> Rect {
        let mut area = self.screen;
        area.height = area.height.saturating_sub(1);
        area
    }

    /// Columns of padding inside the detail's border on each side.
    pub fn detail_padding(&self) -> u16 {
        if self.present { 2 } else { 1 }
    }
}

fn inner(r: Rect, pad: u16) -> Rect {
    if r.width < 2 + 2 * pad || r.height < 2 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1 + pad, r.y + 1, r.width - 2 - 2 * pad, r.height - 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fill_the_screen_at_80x24() {
        let a = Areas::new(Rect::new(0, 0, 80, 24), false, 1);
        assert!(!a.too_small);
        assert_eq!(a.list, Rect::new(0, 0, 36, 22));
        assert_eq!(a.detail, Rect::new(36, 0, 44, 22));
        assert_eq!(a.filter.y, 22);
        assert_eq!(a.hints.y, 23);
        assert_eq!(a.list_inner().height, 20);
    }

    #[test]
    fn a_two_line_message_takes_its_line_from_the_panes() {
        let a = Areas::new(Rect::new(0, 0, 80, 24), false, 2);
        assert_eq!(a.list.height, 21);
        assert_eq!(a.filter.y, 21);
        assert_eq!(a.hints, Rect::new(0, 22, 80, 2));
    }

    #[test]
    fn tiny_screens_are_too_small() {
        for (w, h) in [(0, 0), (1, 1), (49, 24), (80, 9)] {
            assert!(
                Areas::new(Rect::new(0, 0, w, h), false, 1).too_small,
                "{w}x{h}"
            );
        }
    }
}

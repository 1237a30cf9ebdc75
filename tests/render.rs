//! Rendered-buffer tests: the real view drawn into ratatui's `TestBackend`, checked as text
//! pictures (insta snapshots in `tests/snapshots/`) and cell by cell for the cues that are not
//! text: reverse video on the selection, bold-underline on matches, no colour under NO_COLOR.

use career_clusters::browser::action::Action;
use career_clusters::browser::app::App;
use career_clusters::browser::message::Message;
use career_clusters::browser::testing::{self, draw, mark, screen_lines as lines, typed};
use career_clusters::browser::theme::Theme;
use career_clusters::catalog::Catalog;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn app(width: u16, height: u16) -> App {
    testing::app_with(
        Catalog::bundled().expect("bundled catalog"),
        Theme::dark(),
        width,
        height,
    )
}

/// No cell has a colour, yet the selection (reverse video) and the matches (underline) show.
fn assert_cues_without_colour(buffer: &Buffer) {
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "colour on '{}'", cell.symbol());
        assert_eq!(cell.bg, Color::Reset, "colour on '{}'", cell.symbol());
    }
    let has = |m: Modifier| buffer.content().iter().any(|c| c.modifier.contains(m));
    assert!(
        has(Modifier::REVERSED),
        "no reverse video: the selection is invisible"
    );
    assert!(
        has(Modifier::UNDERLINED),
        "no underline: the matches are invisible"
    );
}

/// The (x, y) of the first cell where `text` starts.
fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    for (y, line) in lines(buffer).iter().enumerate() {
        if let Some(byte) = line.find(text) {
            let x = line[..byte].chars().count();
            return Some((x as u16, y as u16));
        }
    }
    None
}

#[test]
fn first_look_at_80x24() {
    let app = app(80, 24);
    let terminal = draw(&app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn first_look_at_120x40_shows_full_cluster_names() {
    let app = app(120, 40);
    let terminal = draw(&app, 120, 40);
    let text = lines(terminal.backend().buffer()).join("\n");
    for name in [
        "Counselling and Mental Health",
        "Health Management and Health Administration",
        "Medical and Health Related Research",
        "Medicine",
        "Rehabilitation",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_selected_row_has_a_marker_and_reverse_video() {
    let mut app = app(80, 24);
    app.update(Action::SelectNext);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, ">▸ Health Management").expect("marked row");
    for dx in 0..30 {
        assert!(
            buffer[(x + dx, y)].modifier.contains(Modifier::REVERSED),
            "cell {dx} of the selected row is not reversed"
        );
    }
    let (_, other) = find(buffer, " ▸ Medicine").expect("unselected row");
    assert!(!buffer[(x + 3, other)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_filter_highlights_matched_characters_in_list_and_detail() {
    let mut app = app(120, 40);
    typed(&mut app, "physio");
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    let text = lines(buffer).join("\n");
    assert!(text.contains("Filter: physio"), "{text}");
    assert!(text.contains("of 53 occupations"), "{text}");
    let (x, y) = find(buffer, ">   Physiotherapist").expect("selected list row");
    let x = x + 4;
    for dx in 0..6 {
        let cell = &buffer[(x + dx, y)];
        assert!(
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD),
            "'{}' of Physio is not highlighted",
            cell.symbol()
        );
    }
    assert!(!buffer[(x + 6, y)].modifier.contains(Modifier::UNDERLINED));
    // the detail pane highlights the alias that matched
    let (ax, ay) = find(buffer, "Physio,").expect("aliases line in the detail");
    assert!(buffer[(ax, ay)].modifier.contains(Modifier::UNDERLINED));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn rows_matched_on_other_fields_say_why() {
    let mut app = app(120, 40);
    typed(&mut app, "dietician");
    let terminal = draw(&app, 120, 40);
    let text = lines(terminal.backend().buffer()).join("\n");
    assert!(
        text.contains("Dietitian · also called: Dietician"),
        "{text}"
    );
}

#[test]
fn an_empty_result_says_so_in_both_panes() {
    let mut app = app(80, 24);
    typed(&mut app, "xyzzy");
    let terminal = draw(&app, 80, 24);
    let text = lines(terminal.backend().buffer()).join("\n");
    assert!(text.contains("No occupation matches."), "{text}");
    assert!(text.contains("No occupation matches “xyzzy”."), "{text}");
    assert!(text.contains("0 of 53 occupations"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_detail_of_an_occupation_shows_every_section() {
    let mut app = app(120, 100);
    typed(&mut app, "physiotherapist");
    let terminal = draw(&app, 120, 100);
    let text = lines(terminal.backend().buffer()).join("\n");
    for expected in [
        "Rehabilitation · NOC 31202 · O*NET 29-1123.00",
        "TEER 1 · usually a university degree",
        "Interests: Social · Investigative · Realistic (SIR)",
        "Also called",
        "What they do",
        "Working conditions",
        "Education",
        "Career path",
        " 1. High school:",
        "Where they work",
        "Skills",
        "Related occupations",
        "Kinesiologist",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn an_overflowing_detail_shows_a_scrollbar_and_scrolls() {
    let mut app = app(80, 24);
    typed(&mut app, "physiotherapist");
    app.update(Action::ToggleFocus);
    let before = lines(draw(&app, 80, 24).backend().buffer());
    assert!(before.iter().any(|l| l.ends_with('▲')), "scrollbar top");
    app.update(Action::SelectPageDown);
    let after = lines(draw(&app, 80, 24).backend().buffer());
    assert_ne!(before, after);
    assert!(
        after
            .iter()
            .any(|l| ["Working conditions", "Education", "Career path"]
                .iter()
                .any(|s| l.contains(s))),
        "{after:#?}"
    );
}

#[test]
fn the_help_overlay_lists_the_key_map() {
    let mut wide = app(120, 50);
    wide.update(Action::ToggleHelp);
    let text = lines(draw(&wide, 120, 50).backend().buffer()).join("\n");
    for expected in [
        "Help",
        "Keys",
        "Ctrl-S / Insert",
        "Alt-1…9",
        "F1 / Ctrl-G / ?",
        "F4 / Ctrl-T",
        "Ctrl-C / Ctrl-Q",
        "quit",
        "Filtering",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    // at 80×24 it scrolls
    let mut app = app(80, 24);
    app.update(Action::ToggleHelp);
    let terminal = draw(&app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
    app.update(Action::SelectLast);
    app.update(Action::SelectPageDown);
    let text = lines(draw(&app, 80, 24).backend().buffer()).join("\n");
    assert!(text.contains("closes this help"), "{text}");
}

#[test]
fn too_small_shows_one_clear_message() {
    let app = app(40, 8);
    let shown = lines(draw(&app, 40, 8).backend().buffer());
    assert_eq!(
        shown[0].trim_end(),
        "Terminal too small: 40×8. Enlarge it to"
    );
    assert_eq!(shown[1].trim_end(), "at least 50×10; Ctrl-C quits.");
    assert!(shown[2..].iter().all(|l| l.trim().is_empty()), "{shown:?}");
    // at 80 columns it is a single line
    let shown = lines(draw(&app, 80, 9).backend().buffer());
    assert!(shown[0].starts_with("Terminal too small: 80×9. Enlarge it to at least 50×10;"));
    assert!(shown[1].trim().is_empty());
}

#[test]
fn every_size_renders_without_panic() {
    let mut app = app(80, 24);
    typed(&mut app, "the");
    for width in 0..=90 {
        for height in 0..=26 {
            app.update(Action::Resize { width, height });
            draw(&app, width, height);
        }
    }
    app.update(Action::Resize {
        width: 500,
        height: 200,
    });
    draw(&app, 500, 200);
}

#[test]
fn no_color_theme_uses_no_colour_but_keeps_the_cues() {
    let mut app = testing::app();
    typed(&mut app, "nurse");
    let terminal = draw(&app, 80, 24);
    assert_cues_without_colour(terminal.backend().buffer());
}

#[test]
fn catalog_text_cannot_reach_the_terminal_as_control_codes() {
    let toml = r#"
title = "Evil"
[[clusters]]
id = "c"
name = "Clear\u001b[2J screen"
summary = "Title\u001b]0;pwned\u0007 change"
[[clusters.occupations]]
id = "o"
title = "Bell\u0007 and\u0008backspace"
summary = "Tab\there"
"#;
    let catalog = Catalog::from_str(toml, "evil.toml").expect("loads");
    let mut app = testing::app_with(catalog, Theme::dark(), 80, 24);
    app.update(Action::UnfoldCluster);
    let terminal = draw(&app, 80, 24);
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character in cell {:?}",
            cell.symbol()
        );
    }
    let text = lines(terminal.backend().buffer()).join("\n");
    assert!(text.contains("Clear␛[2J screen"), "{text}");
}

#[test]
fn wide_and_combining_characters_stay_aligned() {
    let toml = r#"
title = "Wide"
[[clusters]]
id = "c"
name = "看護と医療 Nursing 🩺 and care for everyone in the community"
summary = "Café au lait, naïve, résumé, Cafe\u0301"
[[clusters.occupations]]
id = "o"
title = "看護師 Registered Nurse 🩺"
summary = "Works with 患者 every day."
[[clusters.occupations]]
id = "p"
title = "Cafe\u0301 worker"
summary = "x"
"#;
    let catalog = Catalog::from_str(toml, "wide.toml").expect("loads");
    let mut app = testing::app_with(catalog, Theme::dark(), 80, 24);
    app.update(Action::UnfoldCluster);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    // the list's right border and the detail's left border are in place on every row
    for y in 0..22 {
        assert!(
            matches!(buffer[(35, y)].symbol(), "┃" | "┓" | "┛"),
            "row {y}: {:?}",
            lines(buffer)[y as usize]
        );
        assert!(
            matches!(buffer[(36, y)].symbol(), "│" | "┌" | "└"),
            "row {y}: {:?}",
            lines(buffer)[y as usize]
        );
    }
    let text = lines(buffer).join("\n");
    assert!(text.contains("看護師 Registered Nurse 🩺"), "{text}");
}

#[test]
fn marked_occupations_carry_a_mark_and_the_count_is_shown() {
    let mut app = app(100, 40);
    mark(&mut app, "physiotherapist");
    mark(&mut app, "kinesiologist");
    typed(&mut app, "therap");
    let text = lines(draw(&app, 100, 40).backend().buffer()).join("\n");
    assert!(text.contains(" ✓ Physiotherapist"), "{text}");
    assert!(text.contains("✓ 2 shortlisted"), "{text}");
    assert!(!text.contains("✓ Occupational Therapist"), "{text}");
}

#[test]
fn compare_shows_occupations_side_by_side_with_shared_items_marked() {
    let mut app = app(100, 30);
    mark(&mut app, "physiotherapist");
    mark(&mut app, "kinesiologist");
    mark(&mut app, "athletic-therapist");
    app.update(Action::ToggleCompare);
    let first = lines(draw(&app, 100, 30).backend().buffer()).join("\n");
    // the sections come in the order of every other view: what they do first, then working
    // conditions, education, career path, settings and skills, pages further down
    assert!(first.contains("What they do"), "{first}");
    let mut pages = 0;
    let (terminal, text) = loop {
        app.update(Action::SelectPageDown);
        pages += 1;
        let terminal = draw(&app, 100, 30);
        let text = lines(terminal.backend().buffer()).join("\n");
        if text.contains("Where they work") || pages == 20 {
            break (terminal, text);
        }
    };
    let header = first
        .lines()
        .find(|l| l.contains("Physiotherapist"))
        .expect("a header row");
    assert!(
        header.contains("Kinesiologist") && header.contains("Athletic Therapist"),
        "{header}"
    );
    // physiotherapists and kinesiologists both work in hospitals
    assert!(text.contains("◆ Hospitals"), "{text}");
    assert!(text.contains("Where they work"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn presentation_mode_at_80x24_is_roomy_and_quiet() {
    let mut app = app(80, 24);
    app.set_themes(Theme::dark(), Theme::high_contrast());
    app.update(Action::TogglePresentation);
    let terminal = draw(&app, 80, 24);
    let shown = lines(terminal.backend().buffer());
    let text = shown.join("\n");
    // the overview of every cluster is the start
    assert!(
        text.contains("Occupational Clusters in Medicine & Health"),
        "{text}"
    );
    assert!(
        text.contains("Counselling and Mental Health · 8 occupations"),
        "{text}"
    );
    // no key-hint clutter: only how to leave and get help
    assert_eq!(shown[23].trim_end(), " F5 end presentation  F1 help");
    // the list is narrower than in the normal layout (36 columns)
    let detail_left = shown[0]
        .chars()
        .position(|c| c == '┌')
        .expect("detail border");
    assert!(
        detail_left < 36,
        "the detail starts at column {detail_left}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn presentation_without_colour_keeps_selection_and_matches_visible() {
    let mut app = testing::app();
    app.set_themes(Theme::monochrome(), Theme::monochrome());
    app.update(Action::TogglePresentation);
    typed(&mut app, "nurse");
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    assert_cues_without_colour(buffer);
    let text = lines(buffer).join("\n");
    assert!(
        text.contains(">   "),
        "the selection marker is shown:\n{text}"
    );
}

#[test]
fn related_occupations_are_numbered_and_the_chosen_one_is_marked() {
    let mut app = app(100, 120);
    typed(&mut app, "physiotherapist");
    app.update(Action::Activate); // focus the detail
    let text = lines(draw(&app, 100, 120).backend().buffer()).join("\n");
    assert!(text.contains(">1 "), "{text}");
    assert!(text.contains(" 2 "), "{text}");
    assert!(
        text.contains("←→ choose, Enter follows; Backspace comes back"),
        "{text}"
    );
}

#[test]
fn the_shortlist_view_lists_marked_occupations() {
    let mut app = app(80, 24);
    app.update(Action::ToggleShortlistView);
    let text = lines(draw(&app, 80, 24).backend().buffer()).join("\n");
    assert!(text.contains("Nothing on the shortlist yet"), "{text}");
    app.update(Action::ToggleShortlistView);
    mark(&mut app, "pharmacist");
    mark(&mut app, "dietitian");
    app.update(Action::ToggleShortlistView);
    app.update(Action::SelectNext);
    let text = lines(draw(&app, 80, 24).backend().buffer()).join("\n");
    assert!(text.contains("Shortlist (2)"), "{text}");
    assert!(text.contains("  1. Pharmacist · Medicine"), "{text}");
    assert!(text.contains("> 2. Dietitian · Medicine"), "{text}");
}

#[test]
fn long_alias_lists_are_cut_but_matched_aliases_stay_visible() {
    let aliases: Vec<String> = (1..=40).map(|i| format!("\"example title {i}\"")).collect();
    let toml = format!(
        "title = \"Imported\"\n[[clusters]]\nid = \"c\"\nname = \"Health\"\nsummary = \"s\"\n\
         [[clusters.occupations]]\nid = \"o\"\ntitle = \"Nurses\"\nsummary = \"s\"\naliases = [{}]\n",
        aliases.join(", ")
    );
    let catalog = Catalog::from_str(&toml, "import.toml").expect("loads");
    let mut app = testing::app_with(catalog, Theme::dark(), 120, 40);
    typed(&mut app, "title 37");
    let text = lines(draw(&app, 120, 40).backend().buffer()).join("\n");
    assert!(
        text.contains("title 8, example title 37 and 31 more"),
        "{text}"
    );
    assert!(!text.contains("example title 9,"), "{text}");
}

#[test]
fn a_psychology_degree_shows_where_it_leads_in_every_cluster_that_names_it() {
    let mut app = app(120, 40);
    typed(&mut app, "edu:psychology");
    let text = lines(draw(&app, 120, 40).backend().buffer()).join("\n");
    assert!(
        text.contains("Physiotherapist · education: Psychology"),
        "{text}"
    );
    assert!(
        text.contains("Social Worker · education: Psychology"),
        "{text}"
    );
    assert!(text.contains("▾ Rehabilitation"), "{text}");
    assert!(text.contains("▾ Counselling and Mental Health"), "{text}");
}

#[test]
fn each_overlay_shows_its_own_keys_on_the_hint_line() {
    let mut app = app(100, 30);
    mark(&mut app, "physiotherapist");
    mark(&mut app, "kinesiologist");
    let bottom = |app: &App| -> String {
        lines(draw(app, 100, 30).backend().buffer())
            .last()
            .cloned()
            .unwrap_or_default()
    };
    app.update(Action::SelectNext); // the message about the mark gives way to the hints
    assert!(bottom(&app).contains("type filter"), "{}", bottom(&app));
    app.update(Action::ToggleCompare);
    let compare = bottom(&app);
    assert!(
        compare.contains("↑↓ scroll") && compare.contains("Esc close"),
        "{compare}"
    );
    for absent in ["filter", "Tab", "mark", "F1", "F2"] {
        assert!(!compare.contains(absent), "{absent} in {compare}");
    }
    app.update(Action::Cancel);
    app.update(Action::ToggleShortlistView);
    let shortlist = bottom(&app);
    assert!(
        shortlist.contains("Del remove") && shortlist.contains("Enter go to it"),
        "{shortlist}"
    );
    for absent in ["filter", "Tab", "F1"] {
        assert!(!shortlist.contains(absent), "{absent} in {shortlist}");
    }
}

#[test]
fn when_no_occupation_has_every_word_the_closest_come_first_and_the_count_line_says_so() {
    let mut app = app(100, 30);
    typed(&mut app, "dentist kinesiology");
    let text = lines(draw(&app, 100, 30).backend().buffer()).join("\n");
    assert!(
        text.contains("no occupation matches every word — closest first"),
        "{text}"
    );
    assert!(text.contains("Dentist · matches: dentist"), "{text}");
    assert!(
        text.contains("Kinesiologist · matches: kinesiology"),
        "{text}"
    );
}

fn take_the_check(app: &mut App, liked: &[career_clusters::catalog::Riasec]) {
    app.update(Action::ToggleInterests);
    for item in career_clusters::interests::ITEMS.iter() {
        app.update(Action::Answer(if liked.contains(&item.kind) {
            5
        } else {
            2
        }));
    }
}

#[test]
fn the_interest_check_and_its_result_fit_80x24() {
    use career_clusters::catalog::Riasec::{Investigative, Social};
    let mut app = app(80, 24);
    app.update(Action::ToggleInterests);
    app.update(Action::Answer(4));
    let text = lines(draw(&app, 80, 24).backend().buffer()).join("\n");
    for expected in ["What interests you?", "2 of 42", "like a lot", "1…5 answer"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    insta::assert_snapshot!("interest_check_80x24", draw(&app, 80, 24).backend());
    let mut app = self::app(80, 24);
    take_the_check(&mut app, &[Social, Investigative]);
    let text = lines(draw(&app, 80, 24).backend().buffer()).join("\n");
    for expected in [
        "Your interest result",
        "Social",
        "5.0",
        "Your code: IS",
        "Investigative and Social are tied.",
        "Clusters that fit",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    insta::assert_snapshot!("interest_result_80x24", draw(&app, 80, 24).backend());
}

#[test]
fn the_interest_result_keeps_its_cues_without_colour_and_in_presentation_mode() {
    use career_clusters::catalog::Riasec::{Investigative, Social};
    let mut app = testing::app();
    app.set_themes(Theme::monochrome(), Theme::monochrome());
    app.update(Action::TogglePresentation);
    take_the_check(&mut app, &[Social, Investigative]);
    app.update(Action::SelectNext); // onto the list: the chosen row shows
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    // no colour at all, and the chosen row still stands out: a marker and reverse video
    for cell in buffer.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "{}",
            cell.symbol()
        );
    }
    let text = lines(buffer).join("\n");
    let (x, y) = find(buffer, "> ").expect("the chosen row's marker");
    assert!(
        buffer[(x + 2, y)].modifier.contains(Modifier::REVERSED),
        "{text}"
    );
    assert!(
        text.contains("> good fit") || text.contains("> strong fit"),
        "{text}"
    );
}

#[test]
fn about_these_clusters_is_one_key_away_outside_presentation_mode_too() {
    let mut app = app(100, 40);
    let before = lines(draw(&app, 100, 40).backend().buffer()).join("\n");
    assert!(!before.contains("About these clusters"), "{before}");
    app.update(Action::ToggleOverview);
    let text = lines(draw(&app, 100, 40).backend().buffer()).join("\n");
    assert!(
        text.contains("Occupational Clusters in Medicine & Health"),
        "{text}"
    );
    assert!(text.contains("Rehabilitation · 11 occupations"), "{text}");
    // moving on shows the selection again
    app.update(Action::SelectNext);
    let after = lines(draw(&app, 100, 40).backend().buffer()).join("\n");
    assert!(
        !after.contains("Rehabilitation · 11 occupations"),
        "{after}"
    );
}

#[test]
fn presentation_colours_follow_the_chosen_theme() {
    use career_clusters::browser::theme::ThemeName;
    use ratatui::style::Color;
    let light = Theme::presentation(ThemeName::Light, true);
    assert_eq!(
        light.text.bg,
        Some(Color::White),
        "a light presentation stays light"
    );
    assert_eq!(light.text.fg, Some(Color::Black));
    assert_eq!(
        Theme::presentation(ThemeName::Dark, true),
        Theme::high_contrast()
    );
    assert_eq!(
        Theme::presentation(ThemeName::Light, false),
        Theme::monochrome()
    );
    // drawn: the light presentation paints the screen white, not black
    let mut app = app(80, 24);
    app.set_themes(Theme::light(), light);
    app.update(Action::TogglePresentation);
    let terminal = draw(&app, 80, 24);
    let cell = &terminal.backend().buffer()[(40, 5)];
    assert_eq!(cell.bg, Color::White, "{:?}", cell);
}

/// The text of a pane's columns `from..to` on every row, as one string with runs of blanks
/// (and line ends) collapsed to one space: a name wrapped over two lines reads whole.
fn pane_text(buffer: &Buffer, from: u16, to: u16) -> String {
    let mut words = Vec::new();
    for y in 0..buffer.area.height {
        let row: String = (from..to).map(|x| buffer[(x, y)].symbol()).collect();
        words.extend(row.split_whitespace().map(str::to_string));
    }
    words.join(" ")
}

#[test]
fn no_name_is_cut_at_80x24_in_either_layout() {
    for presenting in [false, true] {
        let mut app = app(80, 24);
        if presenting {
            app.update(Action::TogglePresentation);
            // from the overview to the list's own subjects
            app.update(Action::SelectNext);
            app.update(Action::SelectPrevious);
        }
        testing::unfold_all(&mut app);
        app.update(Action::SelectFirst);
        let rows = app.list().rows().len();
        for _ in 0..rows {
            let terminal = draw(&app, 80, 24);
            let buffer = terminal.backend().buffer();
            let list = app.areas().list;
            // without the counts, which stand on a wrapped name's first line
            let list_text = pane_text(buffer, list.x + 1, list.right() - 1)
                .split(' ')
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
                .collect::<Vec<_>>()
                .join(" ");
            let detail_text = pane_text(buffer, list.right() + 1, 79);
            let name = testing::selected_title(&app);
            assert!(
                list_text.contains(&name),
                "presenting {presenting}: {name} is cut in the list:\n{}",
                lines(buffer).join("\n")
            );
            assert!(
                !list_text.contains('…'),
                "presenting {presenting}: something is cut in the list:\n{}",
                lines(buffer).join("\n")
            );
            assert!(
                detail_text.contains(&name) && !lines(buffer)[0].contains('…'),
                "presenting {presenting}: {name} is cut in the detail:\n{}",
                lines(buffer).join("\n")
            );
            app.update(Action::SelectNext);
        }
    }
}

#[test]
fn a_long_message_takes_a_second_line_and_keeps_the_file_name() {
    let mut app = app(80, 24);
    let folder = "/home/advisor/a-very-long-folder-name-for-the-career-centre";
    let path = format!("{folder}{folder}{folder}/career-handout-2.md");
    app.update(Action::EffectDone(Message::with_path(
        "Wrote the handout to ",
        &path,
    )));
    let shown = lines(draw(&app, 80, 24).backend().buffer());
    assert!(shown[21].starts_with(" Filter:"), "{}", shown.join("\n"));
    let message = format!("{} {}", shown[22].trim(), shown[23].trim());
    assert!(
        message.starts_with("Wrote the handout to …/") && message.ends_with("/career-handout-2.md"),
        "shortened from the left, the file name kept: {}",
        shown.join("\n")
    );
    assert!(
        message.contains("a-very-long-folder-name-for-the-career-centre/career-handout-2.md"),
        "as much of the path as fits: {message}"
    );
    assert!(shown[20].starts_with('┗'), "the panes gave up a line");

    // the next key brings the hints, and the line, back
    app.update(Action::SelectNext);
    let shown = lines(draw(&app, 80, 24).backend().buffer());
    assert!(shown[22].starts_with(" Filter:"), "{}", shown.join("\n"));
    assert!(shown[23].contains("help"), "{}", shown[23]);
}

#[test]
fn ctrl_e_asks_markdown_or_html_at_80x24() {
    let mut app = app(80, 24);
    mark(&mut app, "physiotherapist");
    mark(&mut app, "kinesiologist");
    app.update(Action::ExportHandout);
    let terminal = draw(&app, 80, 24);
    let text = lines(terminal.backend().buffer()).join("\n");
    for said in [
        "Write a handout",
        "A handout of Physiotherapist and Kinesiologist.",
        "> Markdown (.md): plain text",
        "HTML (.html): a web page: opens in a browser, prints well",
        "It goes in the folder the program was started in",
        "↑↓ choose · Enter write · Esc cancel",
    ] {
        assert!(text.contains(said), "{said}: {text}");
    }
    app.update(Action::SelectNext);
    let text = lines(draw(&app, 80, 24).backend().buffer()).join("\n");
    assert!(text.contains("> HTML (.html)"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_interest_result_of_an_o_net_import_cuts_nothing_and_steps_through_job_zones() {
    use career_clusters::catalog::Riasec::{Investigative, Social};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onet");
    let report = career_clusters::import_onet::import_onet_dir(
        &dir,
        None,
        &career_clusters::import_onet::Options::default(),
    )
    .expect("the fixture imports");
    let mut app = testing::app_with(report.catalog, Theme::dark(), 80, 24);
    take_the_check(&mut app, &[Social, Investigative]);
    // every frame of the result, top to bottom: long O*NET titles and reasons wrap
    let mut seen = String::new();
    for _ in 0..40 {
        let text = lines(draw(&app, 80, 24).backend().buffer()).join("\n");
        assert!(!text.contains('…'), "something is cut:\n{text}");
        seen.push_str(&text);
        app.update(Action::SelectNext);
    }
    assert!(
        seen.contains("Occupations that fit · all preparation levels"),
        "{seen}"
    );
    app.update(Action::ChoiceRight);
    let Some(career_clusters::browser::overlay::Overlay::Results(result)) = app.overlay() else {
        panic!("the result is open");
    };
    let (result_lines, _) = app.results_view(result).lines(76);
    let text: Vec<String> = result_lines.iter().map(|l| l.to_string()).collect();
    let first_zone = career_clusters::interests::Level::in_catalog(app.catalog())[0];
    assert_eq!(
        first_zone,
        career_clusters::interests::Level::JobZone(2),
        "the fixture's lowest zone"
    );
    assert!(
        text.contains(&"Occupations that fit · Job Zone 2 · some preparation".to_string()),
        "{text:#?}"
    );
}

//! The `career-clusters` command: argument parsing and dispatch. Everything else is in the library.
//!
//! Exit status: 0 on success (including output cut short by a closed pipe, as in `| head`),
//! 1 with a cause on stderr on any failure, 2 for a usage error (from clap).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, LazyLock};

use clap::{CommandFactory, Parser, Subcommand};

use career_clusters::browser::action::Action;
use career_clusters::browser::app::{App, Coming, Index};
use career_clusters::browser::terminal::{self, Session};
use career_clusters::browser::theme::{Theme, ThemeName, colour_allowed};
use career_clusters::cache::{self, Cache, IndexSource};
use career_clusters::catalog::{Catalog, CatalogError};
use career_clusters::commands::{self, CommandError};
use career_clusters::config::{self, Settings};
use career_clusters::export;
use career_clusters::import;
use career_clusters::text::{sanitize, sanitize_inline};
use ratatui::layout::Rect;

/// mimalloc rather than the system allocator: loading a catalog and building its search index
/// are hundreds of thousands of small allocations. At 10,000 occupations it takes
/// `search physio --data 10k.toml` from ~275 ms to ~175 ms as a whole process (hyperfine), for
/// ~30 MB more peak memory (~96 MB, within the 100 MiB budget). It is built with `no_thp`
/// (Cargo.toml): transparent huge pages cost ~15 MB of resident memory for ~10 ms of a
/// 10,000-occupation first frame (the README's speed section has the figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Whether standard output was closed when the process started (`list >&-`). Rust's runtime opens
/// `/dev/null` in place of a closed standard descriptor before `main`, after which writing
/// "succeeds" and a command would exit 0 having written nothing; a constructor looks first.
#[cfg(unix)]
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(unix)]
#[ctor::ctor(unsafe)]
fn note_closed_stdout() {
    // SAFETY: F_GETFD only asks about the descriptor; it touches no Rust state.
    if unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1 {
        STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

fn stdout_closed() -> bool {
    #[cfg(unix)]
    return STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed);
    #[cfg(not(unix))]
    false
}

/// `--version`: the program's version and the catalog format it reads.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{} (catalog format {})",
        env!("CARGO_PKG_VERSION"),
        career_clusters::catalog::FORMAT_VERSION
    )
});

/// Browse occupational clusters in medicine and health.
///
/// Without a command, opens the browser: type to filter, arrows to move, F1 for help.
///
/// Settings come from a flag, else CAREER_CLUSTERS_DATA / CAREER_CLUSTERS_THEME, else the
/// configuration file (see `career-clusters config`), else the default.
#[derive(Parser)]
#[command(version = VERSION.as_str())]
struct Cli {
    /// Read the catalog from this TOML file instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    data: Option<PathBuf>,

    /// Read the catalog file itself, not the parsed copy kept in the cache directory, and keep
    /// none (`check` never uses the cache).
    #[arg(long, global = true)]
    no_cache: bool,

    /// For screen readers and braille displays: ASCII borders and marks, no scrollbars, and the
    /// terminal's cursor on the selected row.
    #[arg(long)]
    screen_reader: bool,

    /// Colours of the browser (default dark). NO_COLOR (set to anything) turns colour off
    /// whatever this says.
    #[arg(long, value_enum, value_name = "NAME")]
    theme: Option<ThemeName>,

    /// Start in presentation mode, for a projector: F5 switches it off and on.
    #[arg(long)]
    present: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a catalog (the bundled one when no file is given) and report every problem.
    Check {
        /// The catalog file to check.
        file: Option<PathBuf>,
    },
    /// List every cluster and its occupations.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show every field of one cluster or occupation.
    Show {
        /// The id, e.g. `physiotherapist` or `rehabilitation`.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search occupations the way the browser's filter does, best match first.
    Search {
        /// The words to search for.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The interest check without the browser: print its statements, score a person's answers,
    /// or list the occupations and clusters that fit a Holland code.
    ///
    /// Exactly one of --items, --answers or --code. Answers are held in memory only.
    Interests {
        /// Print the statements, numbered, for a paper version of the check.
        #[arg(long, conflicts_with_all = ["answers", "code"])]
        items: bool,
        /// One answer per statement, in order, comma-separated: 1 (dislike a lot) to 5 (like a
        /// lot), 0 or - for a skipped one.
        #[arg(long, value_name = "LIST", conflicts_with = "code")]
        answers: Option<String>,
        /// A Holland code to match, one to three of R I A S E C, e.g. SIA.
        #[arg(long, value_name = "CODE")]
        code: Option<String>,
        /// Only occupations at these preparation levels (NOC TEER 0-5), e.g. 1,2.
        #[arg(long, value_name = "LEVELS")]
        teer: Option<String>,
        /// Only occupations in these O*NET Job Zones (1-5), e.g. 3,4; with --teer, either.
        #[arg(long, value_name = "ZONES")]
        job_zone: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the catalog as TOML, a starting point for a catalog of your own.
    Dump,
    /// Write a handout for a client: one or more occupations, or one cluster, as Markdown or HTML.
    ///
    /// Without -o the handout goes to stdout. With -o it goes to a new file, never over an existing
    /// one, and stdout gets one line, "wrote handout to PATH" with the absolute path: that path is
    /// the result, for a script to capture, while stderr carries only errors.
    Export {
        /// Occupation ids, comma-separated (`physiotherapist,kinesiologist`), or one cluster id.
        #[arg(long, required = true, value_delimiter = ',', value_name = "IDS")]
        ids: Vec<String>,
        /// The handout's format.
        #[arg(long, value_enum, default_value_t = export::Format::Markdown)]
        format: export::Format,
        /// Lay two or three occupations side by side, the items they share marked, as the
        /// browser's comparison does (then each in full).
        #[arg(long)]
        compare: bool,
        /// Write to this new file instead of stdout; an existing file is never overwritten.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Make a catalog from official occupational data.
    #[command(subcommand)]
    Import(ImportSource),
    /// Print each setting, its value and where it came from (flag, environment, file, default).
    Config,
    /// Print a shell completion script, e.g. `career-clusters completions bash`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `career-clusters man > career-clusters.1`.
    Man,
}

#[derive(Subcommand)]
enum ImportSource {
    /// Statistics Canada's NOC 2021 elements CSV (`noc_2021_version_1.0_-_elements.csv`).
    ///
    /// Unit groups become occupations, grouped by broad category (or major group). Malformed rows
    /// are skipped and reported with their line numbers on stderr.
    Noc {
        /// The elements CSV file.
        file: PathBuf,
        /// Write the catalog to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Import only codes starting with PREFIX, e.g. `3` for health occupations; repeatable.
        #[arg(long, value_name = "PREFIX")]
        only: Vec<String>,
        /// Make one cluster per broad category (first digit) or per major group (two digits).
        #[arg(long, value_enum, default_value_t)]
        by: import::Grouping,
        /// Fill each occupation's Holland code from O*NET's Interests.txt, through --crosswalk.
        #[arg(long, value_name = "FILE", requires = "crosswalk")]
        onet_interests: Option<PathBuf>,
        /// The O*NET → NOC 2021 crosswalk CSV (onet_soc_code, noc_2021, down_weight columns).
        #[arg(long, value_name = "FILE", requires = "onet_interests")]
        crosswalk: Option<PathBuf>,
    },
    /// The O*NET database directory (the text release, e.g. `db_29_3_text`).
    ///
    /// Its 1,016 occupations with tasks, other titles, interests, Job Zones, education and related
    /// occupations, grouped by O*NET career cluster (or pathway). Malformed rows are skipped and
    /// reported with their file and line on stderr.
    Onet {
        /// The directory with `Occupation Data.txt`, `Task Statements.txt` and the other files.
        dir: PathBuf,
        /// Write the catalog to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Import only `health` (the Health Science cluster) or codes starting with PREFIX, e.g.
        /// `29-`; repeatable.
        #[arg(long, value_name = "health|PREFIX")]
        only: Vec<String>,
        /// Make one cluster per O*NET career cluster or per career pathway.
        #[arg(long, value_enum, default_value_t)]
        by: career_clusters::import_onet::Grouping,
        /// Fill NOC 2021 codes from this O*NET → NOC crosswalk CSV where the mapping is clear.
        #[arg(long, value_name = "FILE")]
        noc_crosswalk: Option<PathBuf>,
    },
}

/// An import's catalog to the new file `output` (never over one unless `force`) or to stdout,
/// and `done`, the summary, to stderr once it is written.
fn write_import(output: Option<&std::path::Path>, toml: &str, force: bool, done: &str) -> ExitCode {
    match output {
        Some(path) => match import::write_new_file(path, toml, force) {
            Ok(()) => {
                eprintln!(
                    "career-clusters: {done}; wrote {}",
                    sanitize_inline(&path.display().to_string())
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        None => {
            let result = io::stdout().lock().write_all(toml.as_bytes());
            let code = finish(result.map_err(CommandError::from));
            if code == ExitCode::SUCCESS {
                eprintln!("career-clusters: {done}");
            }
            code
        }
    }
}

/// `import onet`: like `import noc`, from an O*NET database directory.
fn run_import_onet(
    dir: &std::path::Path,
    output: Option<&std::path::Path>,
    force: bool,
    options: &career_clusters::import_onet::Options,
    crosswalk: Option<&std::path::Path>,
) -> ExitCode {
    let report = match career_clusters::import_onet::import_onet_dir(dir, crosswalk, options) {
        Ok(report) => report,
        Err(e) => return fail(e),
    };
    const SHOWN: usize = 20;
    for warning in report.warnings.iter().take(SHOWN) {
        eprintln!("career-clusters: warning: {warning}");
    }
    let more = (report.warnings.len().saturating_sub(SHOWN) as u64) + report.more_warnings;
    if more > 0 {
        eprintln!("career-clusters: … and {more} more warnings");
    }
    let s = &report.stats;
    let mut done = format!(
        "imported {} occupations ({} other names, {} duties, {} related links) in {} clusters \
         from {} rows of O*NET {}",
        s.occupations, s.aliases, s.duties, s.related, s.clusters, s.rows, report.version
    );
    if s.skipped_rows > 0 {
        done.push_str(&format!("; {} malformed rows skipped", s.skipped_rows));
    }
    if crosswalk.is_some() {
        done.push_str(&format!("; NOC codes for {} of them", s.noc));
    }
    write_import(output, &report.toml, force, &done)
}

/// `import noc`: the catalog goes to the output file or stdout; warnings and a summary to stderr.
fn run_import(source: &ImportSource) -> ExitCode {
    let (file, output, force, only, by, onet_interests, crosswalk) = match source {
        ImportSource::Noc {
            file,
            output,
            force,
            only,
            by,
            onet_interests,
            crosswalk,
        } => (file, output, force, only, by, onet_interests, crosswalk),
        ImportSource::Onet {
            dir,
            output,
            force,
            only,
            by,
            noc_crosswalk,
        } => {
            let options = career_clusters::import_onet::Options {
                only: only.clone(),
                by: *by,
                ..Default::default()
            };
            return run_import_onet(
                dir,
                output.as_deref(),
                *force,
                &options,
                noc_crosswalk.as_deref(),
            );
        }
    };
    let interests = match (onet_interests, crosswalk) {
        (Some(interests), Some(crosswalk)) => {
            match career_clusters::import_interests::NocInterests::read_files(interests, crosswalk)
            {
                Ok(found) => {
                    for warning in found.warnings.iter().take(20) {
                        eprintln!("career-clusters: warning: {warning}");
                    }
                    Some(found)
                }
                Err(e) => return fail(e),
            }
        }
        _ => None,
    };
    let options = import::Options {
        interests,
        only: only.clone(),
        by: *by,
        source: file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        ..import::Options::default()
    };
    let report = match import::import_noc_file(file, &options) {
        Ok(report) => report,
        Err(e) => return fail(format_args!("{}: {e}", file.display())),
    };
    const SHOWN: usize = 20;
    let shown_path = sanitize_inline(&file.display().to_string());
    for warning in report.warnings.iter().take(SHOWN) {
        eprintln!("career-clusters: warning: {shown_path}: {warning}");
    }
    // warnings past the report's own cap were counted, not kept
    let more = (report.warnings.len().saturating_sub(SHOWN) as u64) + report.more_warnings;
    if more > 0 {
        eprintln!("career-clusters: … and {more} more warnings");
    }
    let s = &report.stats;
    let mut done = format!(
        "imported {} occupations ({} other names, {} related links) in {} clusters from {} rows",
        s.occupations, s.aliases, s.related, s.clusters, s.rows
    );
    if options.interests.is_some() {
        done.push_str(&format!(
            "; Holland codes for {} of them from O*NET",
            s.interests
        ));
    }
    write_import(output.as_deref(), &report.toml, *force, &done)
}

/// Whether the command's result goes to standard output (not to a file, not to the screen).
fn writes_to_stdout(command: Option<&Command>) -> bool {
    match command {
        None => false,
        Some(Command::Import(ImportSource::Noc { output, .. })) => output.is_none(),
        Some(Command::Import(ImportSource::Onet { output, .. })) => output.is_none(),
        Some(Command::Export { output, .. }) => output.is_none(),
        Some(_) => true,
    }
}

/// Every setting, from the flags, the environment and the configuration file.
fn settings(cli: &Cli) -> Result<Settings, config::ConfigError> {
    let env = |key: &str| std::env::var(key).ok();
    let flags = config::Flags {
        data: cli.data.clone(),
        theme: cli.theme,
        present: cli.present,
    };
    config::resolve(&flags, &env, config::default_path(&env))
}

/// The catalog, through the cache when one is given, and how to have its search index.
fn load(
    path: Option<&PathBuf>,
    cache: Option<&Cache>,
) -> Result<(Catalog, IndexSource), CatalogError> {
    match path {
        Some(path) => cache::load(path, cache).map(|l| (l.catalog, l.index)),
        None => Ok((Catalog::bundled()?, IndexSource::build())),
    }
}

/// Reports a failure on stderr. Every message passes the sanitizer: it may quote a file name, an
/// id or a prefix the user typed, and none of those may reach the terminal as control.
fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("career-clusters: {}", sanitize(&message.to_string()));
    ExitCode::FAILURE
}

/// Parses the command line. Help and `--version` print as clap prints them; a usage error is
/// printed without colour and through the sanitizer, because clap quotes the offending argument
/// as it was typed (an argument holding ESC or U+009B would otherwise reach the terminal).
fn parse() -> Result<Cli, ExitCode> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            let text = e.render().to_string();
            eprint!("{}", sanitize(&text));
            Err(ExitCode::from(2))
        }
    }
}

/// The outcome of a command that printed to stdout: a closed pipe is not a failure.
fn finish(result: Result<(), CommandError>) -> ExitCode {
    let result = result.and_then(|()| Ok(io::stdout().flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CommandError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if stdout_closed() && writes_to_stdout(cli.command.as_ref()) {
        return fail(
            "standard output is closed, so there is nowhere to write the result; run it with \
             standard output open (a terminal, a file or a pipe)",
        );
    }
    match &cli.command {
        Some(Command::Import(source)) => return run_import(source),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "career-clusters", &mut out);
            return finish(
                io::stdout()
                    .lock()
                    .write_all(&out)
                    .map_err(CommandError::from),
            );
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            let result = clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .and_then(|()| io::stdout().lock().write_all(&out));
            return finish(result.map_err(CommandError::from));
        }
        _ => {}
    }
    let settings = match settings(&cli) {
        Ok(settings) => settings,
        Err(e) => return fail(e),
    };
    if let Some(Command::Config) = &cli.command {
        let report = settings.report();
        return finish(
            io::stdout()
                .lock()
                .write_all(report.as_bytes())
                .map_err(CommandError::from),
        );
    }
    let path = match &cli.command {
        Some(Command::Check { file: Some(file) }) => Some(file),
        _ => settings.data.value.as_ref(),
    };
    // Everything that can fail before output fails here, with the terminal untouched.
    let screen_reader = cli.screen_reader;
    // `check` reads the file itself: a cache must never stand between a file and its report
    let checking = matches!(cli.command, Some(Command::Check { .. }));
    let cache = if cli.no_cache || checking {
        None
    } else {
        Cache::from_env(&|key: &str| std::env::var(key).ok())
    };
    let (catalog, index) = match load(path, cache.as_ref()) {
        Ok(loaded) => loaded,
        Err(e) => return fail(e),
    };
    let bundled = path.is_none();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match cli.command {
        Some(Command::Check { .. }) => {
            let result = writeln!(
                out,
                "ok: {} clusters, {} occupations",
                catalog.clusters().len(),
                catalog.occupations().len()
            );
            finish(
                result
                    .and_then(|()| out.flush())
                    .map_err(CommandError::from),
            )
        }
        Some(Command::List { json }) => finish(
            commands::list(&catalog, &mut out, json)
                .and_then(|()| out.flush())
                .map_err(CommandError::from),
        ),
        Some(Command::Show { id, json }) => {
            let result = commands::show(&catalog, &id, &mut out, json);
            finish(result.and_then(|()| Ok(out.flush()?)))
        }
        Some(Command::Search { query, json }) => {
            tmp_rss("catalog");
            let searcher = index.searcher(&catalog);
            tmp_rss("searcher");
            let query = query.join(" ");
            finish(
                commands::search(&catalog, &searcher, &query, &mut out, json)
                    .and_then(|()| out.flush())
                    .map_err(CommandError::from),
            )
        }
        Some(Command::Interests {
            items,
            answers,
            code,
            teer,
            job_zone,
            json,
        }) => {
            let request = match commands::InterestRequest::new(
                items,
                answers.as_deref(),
                code.as_deref(),
                teer.as_deref(),
                job_zone.as_deref(),
            ) {
                Ok(request) => request,
                Err(e) => {
                    // bad input is a usage error: what is wrong, where, and what is allowed
                    eprintln!("career-clusters: {}", sanitize(&e.to_string()));
                    return ExitCode::from(2);
                }
            };
            finish(
                commands::interests(&catalog, &request, &mut out, json)
                    .and_then(|()| out.flush())
                    .map_err(CommandError::from),
            )
        }
        Some(Command::Import(source)) => run_import(&source),
        // answered above, before any catalog is loaded
        Some(Command::Config | Command::Completions { .. } | Command::Man) => ExitCode::SUCCESS,
        Some(Command::Dump) => {
            let result = if bundled {
                // the file as shipped, comments and layout included: a commented place to start
                commands::dump_bundled(&mut out)
            } else {
                commands::dump(&catalog, &mut out)
            };
            finish(result.and_then(|()| Ok(out.flush()?)))
        }
        Some(Command::Export {
            ids,
            format,
            compare,
            output,
        }) => {
            let subject = export::subject_from_ids(&catalog, &ids);
            let subject = match if compare {
                subject.and_then(export::comparison)
            } else {
                subject
            } {
                Ok(subject) => subject,
                Err(e) => return fail(e),
            };
            let handout = export::render(&catalog, &subject, format);
            let result = match output {
                None => out.write_all(handout.as_bytes()),
                Some(path) => match export::write_new(&path, &handout) {
                    Ok(written) => writeln!(
                        out,
                        "wrote handout to {}",
                        sanitize(&written.display().to_string())
                    ),
                    Err(e) => return fail(e),
                },
            };
            finish(
                result
                    .and_then(|()| out.flush())
                    .map_err(CommandError::from),
            )
        }
        None => {
            drop(out);
            if let Err(e) = terminal::check_interactive() {
                return fail(e);
            }
            let colour = colour_allowed();
            let theme = settings.theme.value;
            // The first frame needs only the catalog: the search index is decoded or built on
            // another thread meanwhile (and a missed cache entry written there after), and the
            // first search waits for it.
            let catalog = Arc::new(catalog);
            let (send, receive) = mpsc::channel();
            let (start, wait) = mpsc::channel::<()>();
            let worker = {
                let catalog = Arc::clone(&catalog);
                std::thread::spawn(move || {
                    // until the first frame is drawn or a search needs the index
                    let _ = wait.recv();
                    index.deliver(&catalog, |searcher| {
                        let _ = send.send(searcher);
                    })
                })
            };
            let mut app = App::with_index(
                catalog,
                Index::Coming(Coming::new(receive, start)),
                Theme::named(theme, colour),
                Rect::new(0, 0, 80, 24),
            );
            // a projector gets high-contrast colours in the theme's own direction (light stays
            // light), unless colour is off
            let (mut normal, mut presentation) = (
                Theme::named(theme, colour),
                Theme::presentation(theme, colour),
            );
            if screen_reader {
                normal = normal.for_screen_reader();
                presentation = presentation.for_screen_reader();
            }
            app.set_themes(normal, presentation);
            if settings.present.value {
                app.update(Action::TogglePresentation);
            }
            let result = Session::start().and_then(|mut session| Ok(session.run(&mut app)?));
            // the cache entry being written is finished, never left as a temporary file; the app
            // goes first, so a worker still waiting to start (no frame was drawn) starts now
            drop(app);
            let _ = worker.join();
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
    }
}

fn tmp_rss(what: &str) {
    if std::env::var_os("TMP_RSS").is_some() {
        let statm = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let l: Vec<&str> = statm
            .lines()
            .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
            .collect();
        eprintln!("{what}: {l:?}");
    }
}

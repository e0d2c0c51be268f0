//! The `hadath` command: glue between the command line and the library crates.

mod alloc;
mod bench;

/// mimalloc: the analysis allocates and frees many small strings and vectors per document.
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use hadath_ingest::{IngestOptions, InputFormat};
use hadath_pipeline::output::{self, Emit, Format};
use hadath_pipeline::PipelineOptions;
use hadath_text::Date;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const CODE_EXAMPLES: &str = "\
Examples:
  hadath code examples/                         code every article in a folder, events as JSON Lines
  hadath code --emit documents article.txt      one line per document with every layer
  hadath code --published 2022-11-25 a.txt      assume a publication date where none is found
  hadath code --format tsv -o events.tsv corpus.jsonl.gz
  cat page.html | hadath code --input-format html -

Exit status: 0 all documents coded; 1 some documents failed (the others are still output);
2 bad command line or unreadable path.";

#[derive(Parser)]
#[command(name = "hadath", version, about = "Codes Arabic news into verifiable political event data (PLOVER/CAMEO).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Codes articles into events.
    #[command(after_help = CODE_EXAMPLES)]
    Code(CodeArgs),
    /// Finds temporal expressions in JSON lines {"id","text","reference"?}.
    Time {
        /// Reference time, YYYY-MM-DDTHH:MM:SS, for lines that carry none.
        #[arg(long)]
        reference: Option<String>,
        /// Input file, or - for stdin.
        input: Option<PathBuf>,
    },
    /// Named-entity tagging of pre-tokenised CoNLL text (BIO over PER, LOC, ORG, MISC).
    Tag {
        /// Read and write CoNLL (one token per line, blank line between sentences).
        #[arg(long, required = true)]
        conll: bool,
        /// Input file, or - for stdin.
        input: Option<PathBuf>,
    },
    /// Evaluates a layer against the data pack in ../shared/data and prints a report.
    Eval {
        /// Which evaluation.
        what: EvalWhat,
        /// The data pack folder.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Write the report there too.
        #[arg(short = 'o')]
        output: Option<PathBuf>,
    },
    /// Lists frequent unknown names in actor positions, for lexicon upkeep.
    Discover {
        /// How many names to list.
        #[arg(long, default_value_t = 100)]
        top: usize,
        /// Inputs: files or folders, - for stdin.
        paths: Vec<PathBuf>,
    },
    /// Measures end-to-end throughput and peak memory over a corpus.
    Bench(bench::BenchArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalWhat {
    Time,
    Numbers,
    Ner,
    Events,
}

#[derive(Clone, Copy, ValueEnum)]
enum EmitArg {
    Events,
    Documents,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Jsonl,
    Tsv,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Txt,
    Html,
    Jsonl,
    Warc,
}

#[derive(clap::Args)]
struct CodeArgs {
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_parser = parse_date)]
    published: Option<Date>,
    /// One line per event, or one line per document with every layer.
    #[arg(long, value_enum, default_value = "events")]
    emit: EmitArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: FormatArg,
    /// Write to this file instead of stdout.
    #[arg(short = 'o')]
    output: Option<PathBuf>,
    /// Force the input format instead of detecting it.
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Worker threads (default: all cores). Output is identical for any count.
    #[arg(long)]
    threads: Option<usize>,
    /// Inputs: files or folders (read recursively, sorted); - or none reads stdin.
    paths: Vec<PathBuf>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).filter(|_| s.len() == 10).ok_or_else(|| format!("not a date YYYY-MM-DD: {s}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Print the chain of causes, skipping any a message before already includes.
            let mut message = e.to_string();
            for cause in e.chain().skip(1) {
                let cause = cause.to_string();
                if !message.contains(&cause) {
                    message = format!("{message}: {cause}");
                }
            }
            eprintln!("hadath: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Code(args) => code(args),
        Command::Time { reference, input } => {
            let reader = open_input(input.as_deref())?;
            let out = io::stdout().lock();
            let bad = hadath_time::time_command(reader, BufWriter::new(out), reference.as_deref())
                .context("writing time output")?;
            Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Tag { conll: _, input } => {
            let reader = open_input(input.as_deref())?;
            let out = io::stdout().lock();
            hadath_tagger::tag_conll(reader, BufWriter::new(out)).context("tagging")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { what, data, output } => {
            if !data.is_dir() {
                println!("skipped: data pack not found at {}", data.display());
                return Ok(ExitCode::SUCCESS);
            }
            let report = evaluate(what, &data)?;
            print!("{report}");
            if let Some(path) = output {
                std::fs::write(&path, &report).with_context(|| format!("writing {}", path.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Discover { top, paths } => {
            let stream = hadath_ingest::open(&paths, &IngestOptions::default())?;
            print!("{}", hadath_lexicon::discover::discover(stream, top));
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(args) => bench::run(args),
    }
}

/// Runs one evaluation and returns its markdown report.
fn evaluate(what: EvalWhat, data: &Path) -> Result<String> {
    let report = match what {
        EvalWhat::Time => hadath_time::eval::run(data).map_err(|e| anyhow::anyhow!("{e}"))?,
        EvalWhat::Numbers => hadath_numbers::eval::run(data).map_err(|e| anyhow::anyhow!("{e}"))?,
        EvalWhat::Ner => hadath_tagger::eval::run(data).map_err(|e| anyhow::anyhow!("{e}"))?,
        EvalWhat::Events => hadath_events::eval::run(data).map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    Ok(report)
}

/// Opens a file, or stdin for `-` or no path.
fn open_input(path: Option<&Path>) -> Result<Box<dyn BufRead>> {
    match path {
        None => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(p) if p.as_os_str() == "-" => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
            let reader: Box<dyn Read> =
                if p.extension().is_some_and(|e| e == "gz") { Box::new(flate2_reader(f)) } else { Box::new(f) };
            Ok(Box::new(BufReader::new(reader)))
        }
    }
}

fn flate2_reader(f: std::fs::File) -> impl Read {
    flate2::read::MultiGzDecoder::new(f)
}

/// Builds the worker pool; `None` uses all cores.
/// Bytes of coded output gathered before each write to an `-o` file: fewer system calls than
/// the default 8 KiB.
const OUTPUT_BUFFER: usize = 1 << 20;

/// What `code` keeps of a document once a worker has rendered it.
struct Coded {
    rendered: String,
    /// The document's diagnostics, as lines for standard error.
    diagnostics: Vec<u8>,
    failed: bool,
    events: usize,
}

pub(crate) fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            bail!("--threads must be at least 1");
        }
        b = b.num_threads(n);
    }
    b.build().context("starting worker threads")
}

fn code(args: CodeArgs) -> Result<ExitCode> {
    let opts = IngestOptions {
        format: args.input_format.map(|f| match f {
            InputFormatArg::Txt => InputFormat::Txt,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Warc => InputFormat::Warc,
        }),
        ..Default::default()
    };
    let emit = match args.emit {
        EmitArg::Events => Emit::Events,
        EmitArg::Documents => Emit::Documents,
    };
    let format = match args.format {
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Tsv => Format::Tsv,
        FormatArg::Csv => Format::Csv,
    };
    if emit == Emit::Documents && format != Format::Jsonl {
        bail!("--emit documents is written as jsonl only");
    }
    let pool = thread_pool(args.threads)?;
    // With several workers the layout runs on them, so the reading thread does not limit the
    // speed; with one, everything runs on this thread, layout included.
    let opts = IngestOptions { defer_layout: pool.current_num_threads() > 1, ..opts };
    let stream = hadath_ingest::open(&args.paths, &opts)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => {
            let file = std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?;
            Box::new(BufWriter::with_capacity(OUTPUT_BUFFER, file))
        }
        // Standard output keeps the small default buffer, so a live feed's events show soon.
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    out.write_all(output::header(emit, format).as_bytes())?;
    let pipeline = PipelineOptions { published: args.published };
    let progress = io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {msg} events [{elapsed}] {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    let mut failed = 0usize;
    let mut events = 0usize;
    // Standard error is locked per write, never across the run: a worker that prints to it
    // (a debugging line, a log) would wait on this thread for ever.
    let stderr = io::stderr();
    hadath_pipeline::run_stream_map(
        stream,
        &pipeline,
        Some(&pool),
        64,
        // Rendered on the worker, which then drops the document.
        |doc| {
            let mut diagnostics = Vec::new();
            // Writing into a Vec cannot fail.
            let _ = output::report_diagnostics(&doc, &mut diagnostics);
            Coded {
                rendered: output::render(&doc, emit, format),
                diagnostics,
                failed: doc.failed(),
                events: doc.events.len(),
            }
        },
        |coded| -> io::Result<()> {
            if coded.failed {
                failed += 1;
            }
            events += coded.events;
            if !coded.diagnostics.is_empty() {
                stderr.lock().write_all(&coded.diagnostics)?;
            }
            out.write_all(coded.rendered.as_bytes())?;
            if let Some(bar) = &progress {
                bar.inc(1);
                bar.set_message(events.to_string());
            }
            Ok(())
        },
    )
    .context("writing output")?;
    out.flush().context("writing output")?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

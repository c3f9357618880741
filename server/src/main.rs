//! The reference server: `baoan-server serve [flags]` runs the API and serves the built app;
//! `baoan-server openapi` prints the OpenAPI document (committed as openapi.json).

use baoan_server::{config::Config, logging, openapi, serve};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "baoan-server", about = "宝安民政 · 便民服务 reference server")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server.
    Serve(Config),
    /// Print the OpenAPI document to standard output.
    Openapi,
    /// Staff actions on a social-assistance application (see journeys::assistance::cli).
    Assistance(baoan_server::journeys::assistance::cli::Command),
    /// The district's assistance standards: `standards import FILE.json` / `standards export`.
    Standards(baoan_server::journeys::assistance::standards_cli::Command),
    /// Reference data a district manages: `reference import KIND FILE.jsonl` / `reference export KIND`.
    Reference(baoan_server::reference::cli::Command),
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Cli::parse().command {
        Command::Openapi => {
            println!("{}", openapi::document_json());
            Ok(())
        }
        Command::Assistance(command) => baoan_server::journeys::assistance::cli::run(command).await,
        Command::Standards(command) => baoan_server::journeys::assistance::standards_cli::run(command).await,
        Command::Reference(command) => baoan_server::reference::cli::run(command).await,
        Command::Serve(config) => {
            // The live service starts only with real providers: say each missing setting on its
            // own line and stop, before anything listens.
            let problems = config.production_problems();
            if !problems.is_empty() {
                for line in &problems {
                    eprintln!("{line}");
                }
                eprintln!("baoan-server: not starting the live service with the settings above missing (a demonstration: serve --demo)");
                std::process::exit(2);
            }
            logging::init();
            serve::run(config).await
        }
    }
}

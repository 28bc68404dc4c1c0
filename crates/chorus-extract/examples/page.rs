//! Prints what the extractor finds in one saved page: metadata lines, a blank line, the text.
//! `cargo run --release -p chorus-extract --example page -- PAGE.html [URL]`

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: page PAGE.html [URL]");
        std::process::exit(2);
    };
    let url = args.next();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let page = chorus_extract::extract(
        &bytes,
        &chorus_extract::Hints {
            url: url.as_deref(),
            content_type: None,
        },
    );
    println!("title: {:?}", page.title);
    println!("byline: {:?}", page.byline);
    println!("published: {:?}", page.published);
    println!("site_name: {:?}", page.site_name);
    println!("language: {:?}", page.language);
    println!("canonical_url: {:?}", page.canonical_url);
    println!("\n{}", page.text);
}

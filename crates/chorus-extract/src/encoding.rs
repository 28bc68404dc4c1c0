//! Bytes to text: a byte-order mark wins, then the HTTP `Content-Type` charset (UTF-16 only
//! when the bytes have NULs, as UTF-16 markup has), then a `<meta charset>` / `http-equiv`
//! declaration near the start; otherwise UTF-8, decoded lossily.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// How far into the page a `<meta>` charset declaration is looked for. The standard says 1024
/// bytes, but real pages put long scripts and styles before it.
const META_SCAN_BYTES: usize = 16 * 1024;

/// Decodes `bytes`; never fails (undecodable sequences become U+FFFD).
#[cfg(test)]
pub(crate) fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    decode_named(bytes, content_type).0
}

/// [`decode`], and the name of the encoding it read the bytes as.
pub(crate) fn decode_named<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> (Cow<'a, str>, &'static str) {
    let (text, enc) = decode_with(bytes, content_type);
    (text, enc.name())
}

fn decode_with<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> (Cow<'a, str>, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return (enc.decode_without_bom_handling(&bytes[bom_len..]).0, enc);
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        // Markup in UTF-16 holds a NUL in every ASCII character: bytes without one near the
        // start are not UTF-16, whatever the header says (read as such, they were nonsense).
        .filter(|&e| (e != UTF_16LE && e != UTF_16BE) || bytes.iter().take(1024).any(|&b| b == 0))
        .or_else(|| {
            // A page cannot declare itself UTF-16 from inside: it would not be readable ASCII.
            meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]).map(|e| {
                if e == UTF_16LE || e == UTF_16BE {
                    UTF_8
                } else {
                    e
                }
            })
        })
        .unwrap_or(UTF_8);
    // Pages re-saved as UTF-8 often keep their old declaration; multi-byte UTF-8 that
    // validates is almost never text in a legacy encoding.
    if declared != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return (UTF_8.decode_without_bom_handling(bytes).0, UTF_8);
    }
    (declared.decode_without_bom_handling(bytes).0, declared)
}

/// The `charset=` parameter of a `Content-Type` value.
fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = &content_type[at + "charset".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = &rest[..end];
    (!label.is_empty()).then_some(label)
}

/// The encoding a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
/// declares in `head`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(found) = find_ci(&head[pos..], b"<meta") {
        let start = pos + found + 5;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(at) = find_ci(tag, b"charset") {
            let mut rest = &tag[at + 7..];
            rest = trim_ascii_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_ascii_start(r);
                let r = r
                    .strip_prefix(b"\"")
                    .or_else(|| r.strip_prefix(b"'"))
                    .unwrap_or(r);
                let len = r
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(r.len());
                if let Some(enc) = Encoding::for_label(&r[..len]) {
                    return Some(enc);
                }
            }
        }
        pos = end;
    }
    None
}

fn trim_ascii_start(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if first.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

/// Position of `needle` (lowercase ASCII) in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    (0..=hay.len() - needle.len()).find(|&i| {
        hay[i].to_ascii_lowercase() == first
            && hay[i..i + needle.len()]
                .iter()
                .zip(needle)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_header_meta_and_default() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9", None), "café");
        assert_eq!(decode(b"\xFF\xFEh\0i\0", None), "hi");
        assert_eq!(
            decode(b"caf\xE9", Some("text/html; charset=ISO-8859-1")),
            "café"
        );
        assert_eq!(
            decode(b"<meta charset=\"windows-1251\"><p>\xCF\xF0\xE8", None),
            "<meta charset=\"windows-1251\"><p>При"
        );
        assert_eq!(
            decode(
                b"<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=iso-8859-15'>\xA4",
                None
            ),
            "<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=iso-8859-15'>€"
        );
        assert_eq!(decode(b"caf\xE9 ok", None), "caf\u{FFFD} ok");
        assert_eq!(
            decode(b"<meta charset=utf-16>x", None),
            "<meta charset=utf-16>x"
        );
        assert_eq!(
            decode("<meta charset=gb2312>新".as_bytes(), None),
            "<meta charset=gb2312>新"
        );
    }

    /// A header naming UTF-16 for a page in an 8-bit encoding made its text nonsense
    /// ("<p>The" read as "瀼吾"); a page that is UTF-16 without a byte-order mark is still read
    /// as the header says.
    #[test]
    fn a_header_naming_utf16_for_bytes_without_nuls_is_not_believed() {
        let utf16 = Some("text/html; charset=utf-16");
        assert_eq!(
            decode(b"<p>The pier caf\xC3\xA9</p>", utf16),
            "<p>The pier café</p>"
        );
        assert_eq!(
            decode(b"<meta charset=windows-1252><p>caf\xE9", utf16),
            "<meta charset=windows-1252><p>café"
        );
        let le: Vec<u8> = "<p>The pier</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&le, utf16), "<p>The pier</p>");
        let be: Vec<u8> = "<p>The pier</p>"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&be, Some("text/html; charset=UTF-16BE")),
            "<p>The pier</p>"
        );
    }
}

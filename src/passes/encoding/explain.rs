//! Naming what a repair undid, for edits' rules and reasons.
//!
//! A repair is a list of [`Layer`]s, outermost first (the order they were undone).
//! The reason reads in the order the damage happened: "UTF-8 read as
//! windows-1252, twice", "UTF-8 read as windows-1252, then as windows-1251".

use super::codecs::Codec;

/// One layer of damage undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layer {
    /// UTF-8 bytes had been read with `codec`; `a0` when a no-break space had
    /// become a plain space, `lossy` when bytes had been lost.
    Utf8As { codec: Codec, a0: bool, lossy: bool },
    /// Text in `from` had been read with `read_as` (both single-byte codecs).
    Legacy { from: Codec, read_as: Codec },
    /// windows-1252 bytes had been read as latin-1, leaving C1 controls.
    C1Controls,
    /// Several stretches in one segment, each with its own repair.
    Mixed(Vec<Vec<Layer>>),
}

/// Flattens nested repairs into the list of simple layers, outermost first. Of
/// the stretches of a mixed repair, the deepest stands for them all (the edits
/// are per stretch, so each reads right for the deepest and for the common case
/// where all stretches went through the same chain).
fn flat(layers: &[Layer], out: &mut Vec<Layer>) {
    for l in layers {
        match l {
            Layer::Mixed(parts) => {
                let mut best = Vec::new();
                for p in parts {
                    let mut v = Vec::new();
                    flat(p, &mut v);
                    if v.len() > best.len() {
                        best = v;
                    }
                }
                out.extend(best);
            }
            other => out.push(other.clone()),
        }
    }
}

fn short(l: &Layer) -> String {
    match l {
        Layer::Utf8As { codec, .. } => codec.name().to_ascii_lowercase(),
        Layer::Legacy { from, read_as } => {
            format!(
                "{}-as-{}",
                from.name().to_ascii_lowercase(),
                read_as.name().to_ascii_lowercase()
            )
        }
        Layer::C1Controls => "c1".into(),
        Layer::Mixed(_) => "mixed".into(),
    }
}

/// [`rule`] and [`reason`] together, remembering the chains named last: the
/// repairs of a text mostly undo a few chains, and naming one takes a few
/// `format!`s, which cost more than comparing chains and copying names.
pub fn rule_and_reason(layers: &[Layer]) -> (String, String) {
    /// How many chains are remembered, the latest first.
    const KEPT: usize = 16;
    type Named = Vec<(Vec<Layer>, String, String)>;
    thread_local! {
        static NAMED: std::cell::RefCell<Named> = const { std::cell::RefCell::new(Vec::new()) };
    }
    NAMED.with(|named| {
        let Ok(mut named) = named.try_borrow_mut() else {
            return (rule(layers), reason(layers));
        };
        if let Some(i) = named
            .iter()
            .position(|(chain, ..)| chain.as_slice() == layers)
        {
            // Latest first, so that the chains in use are found at once.
            named[..=i].rotate_right(1);
            let (_, rule, reason) = &named[0];
            return (rule.clone(), reason.clone());
        }
        let (rule, reason) = (rule(layers), reason(layers));
        named.truncate(KEPT - 1);
        named.insert(0, (layers.to_vec(), rule.clone(), reason.clone()));
        (rule, reason)
    })
}

/// A short stable rule id: `utf8-as-windows-1252`, `utf8-as-windows-1252-x2`,
/// `utf8-as-windows-1252+windows-1251`, `legacy-windows-1251-as-iso-8859-1`,
/// `c1-control`.
pub fn rule(layers: &[Layer]) -> String {
    // Most repairs undo one layer: named directly, as below.
    if let [one @ (Layer::Utf8As { .. } | Layer::Legacy { .. })] = layers {
        let kind = if let Layer::Legacy { .. } = one {
            "legacy-"
        } else {
            "utf8-as-"
        };
        return format!("{kind}{}", short(one));
    }
    chain_rule(layers)
}

/// [`rule`] for any chain of layers, the one-layer shortcut aside.
fn chain_rule(layers: &[Layer]) -> String {
    let mut v = Vec::new();
    flat(layers, &mut v);
    v.dedup_by(|a, b| {
        short(a) == short(b) && std::mem::discriminant(a) == std::mem::discriminant(b)
    });
    let mut all = Vec::new();
    flat(layers, &mut all);
    match v.as_slice() {
        [] => "mojibake".into(),
        [Layer::C1Controls] => "c1-control".into(),
        [Layer::Legacy { .. }] => format!("legacy-{}", short(&v[0])),
        [one @ Layer::Utf8As { .. }] => {
            let n = all.len();
            if n > 1 && all.iter().all(|l| short(l) == short(one)) {
                format!("utf8-as-{}-x{n}", short(one))
            } else {
                format!("utf8-as-{}", short(one))
            }
        }
        many => {
            let mut names: Vec<String> = many.iter().rev().map(short).collect();
            names.dedup();
            format!("utf8-as-{}", names.join("+"))
        }
    }
}

fn times(n: usize) -> &'static str {
    match n {
        1 => "",
        2 => ", twice",
        3 => ", three times",
        _ => ", several times",
    }
}

/// A sentence naming the chain undone.
pub fn reason(layers: &[Layer]) -> String {
    // Most repairs undo one layer of UTF-8: named directly, as below.
    if let [Layer::Utf8As { codec, a0, lossy }] = layers {
        let mut s = format!("UTF-8 read as {}", codec.name());
        if *a0 {
            s.push_str("; a no-break space had become a plain space");
        }
        if *lossy {
            s.push_str("; some bytes were already lost and stay U+FFFD");
        }
        return s;
    }
    chain_reason(layers)
}

/// [`reason`] for any chain of layers, the one-layer shortcut aside.
fn chain_reason(layers: &[Layer]) -> String {
    let mut v = Vec::new();
    flat(layers, &mut v);
    // Historical order: innermost first.
    v.reverse();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    let mut notes = Vec::new();
    while i < v.len() {
        let mut n = 1;
        while i + n < v.len() && v[i + n] == v[i] {
            n += 1;
        }
        let first = parts.is_empty();
        let part = match &v[i] {
            Layer::Utf8As { codec, a0, lossy } => {
                if *a0 {
                    notes.push("a no-break space had become a plain space");
                }
                if *lossy {
                    notes.push("some bytes were already lost and stay U+FFFD");
                }
                if first {
                    format!("UTF-8 read as {}{}", codec.name(), times(n))
                } else {
                    format!("then as {}{}", codec.name(), times(n))
                }
            }
            Layer::Legacy { from, read_as } => {
                format!(
                    "{} text read as {}{}",
                    from.name(),
                    read_as.name(),
                    times(n)
                )
            }
            Layer::C1Controls => "windows-1252 read as latin-1 (C1 control characters)".into(),
            Layer::Mixed(_) => String::new(),
        };
        parts.push(part);
        i += n;
    }
    notes.dedup();
    let mut s = parts.join(", ");
    if s.is_empty() {
        s = "mojibake".into();
    }
    if !notes.is_empty() {
        s.push_str("; ");
        s.push_str(&notes.join("; "));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_layer_shortcuts_agree_with_the_chain() {
        for codec in Codec::all() {
            let mut layers = vec![Layer::Legacy {
                from: codec,
                read_as: Codec::LATIN1,
            }];
            for a0 in [false, true] {
                for lossy in [false, true] {
                    layers.push(Layer::Utf8As { codec, a0, lossy });
                }
            }
            for l in layers {
                let one = [l];
                assert_eq!(
                    (rule(&one), reason(&one)),
                    (chain_rule(&one), chain_reason(&one)),
                    "should name {one:?} as the general path does"
                );
            }
        }
    }

    #[test]
    fn rule_and_reason_name_each_chain_as_rule_and_reason_do() {
        let w1252 = Layer::Utf8As {
            codec: Codec::WINDOWS_1252,
            a0: false,
            lossy: false,
        };
        let lossy = Layer::Utf8As {
            codec: Codec::WINDOWS_1252,
            a0: false,
            lossy: true,
        };
        for chain in [
            vec![w1252.clone()],
            vec![w1252.clone()],
            vec![lossy.clone()],
            vec![w1252.clone(), w1252.clone()],
            vec![Layer::C1Controls],
            vec![w1252.clone()],
            vec![lossy.clone(), w1252.clone()],
            vec![w1252.clone(), lossy.clone()],
            vec![lossy],
        ]
        .into_iter()
        .chain((1..=20).map(|n| vec![w1252.clone(); n]))
        .chain((1..=20).rev().map(|n| vec![w1252.clone(); n]))
        {
            assert_eq!(
                rule_and_reason(&chain),
                (rule(&chain), reason(&chain)),
                "should name {chain:?} as rule and reason do"
            );
        }
    }

    #[test]
    fn names_repeated_layers() {
        let c = Codec::by_name("windows-1252").unwrap();
        let l = Layer::Utf8As {
            codec: c,
            a0: false,
            lossy: false,
        };
        let layers = vec![l.clone(), l];
        assert_eq!(
            reason(&layers),
            "UTF-8 read as windows-1252, twice",
            "should say twice"
        );
        assert_eq!(
            rule(&layers),
            "utf8-as-windows-1252-x2",
            "should count layers in the rule"
        );
    }

    #[test]
    fn names_chains_in_historical_order() {
        let c1252 = Codec::by_name("windows-1252").unwrap();
        let c1251 = Codec::by_name("windows-1251").unwrap();
        let layers = vec![
            Layer::Utf8As {
                codec: c1251,
                a0: false,
                lossy: false,
            },
            Layer::Utf8As {
                codec: c1252,
                a0: false,
                lossy: false,
            },
        ];
        assert_eq!(
            reason(&layers),
            "UTF-8 read as windows-1252, then as windows-1251",
            "should read oldest first"
        );
    }
}

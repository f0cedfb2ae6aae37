//! "Did you mean: 'print'?" — the suggestions CPython 3.11's exception
//! printer adds to uncaught NameError and AttributeError messages
//! (Python/suggestions.c): a Levenshtein distance over UTF-8 bytes where a
//! case change costs 1 and any other edit 2, accepting at most a third of
//! the characters changed.

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance` of suggestions.c (with its early exits).
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a = &a[..a.len() - post];
    b = &b[..b.len() - post];
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut dist = bi * MOVE_COST;
        result = dist;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(bc, ac);
            dist = row[ai];
            let insert_delete = result.min(dist) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best suggestion for `name` among `candidates` (`calculate_suggestions`).
pub fn suggest(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS || name.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let max =
            ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.cloned()
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn suggests_like_cpython() {
        let names: Vec<String> = ["print", "len", "range"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(suggest(&names, "pritn").as_deref(), Some("print"));
        assert_eq!(suggest(&names, "lenn").as_deref(), Some("len"));
        assert_eq!(suggest(&names, "zzzzzz"), None);
    }
}

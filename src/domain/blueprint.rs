//! The exam's blueprint: how many questions each of the three blocks
//! contributes to an attempt, and whether the active bank can supply them.

/// Questions per block, as typed in the settings form: three numbers
/// separated by `/`, `,` or spaces, each 0–100, not all zero.
pub fn parse_blocks(text: &str) -> Option<[i32; 3]> {
    let blocks: Vec<i32> = text
        .split(['/', ',', ' '])
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    match blocks.as_slice() {
        [a, b, c] if [a, b, c].iter().all(|n| (0..=100).contains(*n)) && a + b + c > 0 => {
            Some([*a, *b, *c])
        }
        _ => None,
    }
}

/// The first block that asks for more questions than its active ones:
/// (block number, active questions). Every attempt draws without
/// repetition, so such a blueprint could not be drawn.
pub fn first_shortfall(blocks: [i32; 3], active: [i64; 3]) -> Option<(usize, i64)> {
    blocks
        .iter()
        .zip(active)
        .zip(1..)
        .find(|((asked, held), _)| i64::from(**asked) > *held)
        .map(|((_, held), block)| (block, held))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_asked_for_more_than_it_holds_is_named() {
        assert_eq!(first_shortfall([12, 60, 12], [40, 56, 40]), Some((2, 56)));
        assert_eq!(first_shortfall([40, 56, 0], [40, 56, 0]), None);
    }

    #[test]
    fn the_blocks_are_three_numbers_up_to_a_hundred_not_all_zero() {
        assert_eq!(parse_blocks("12/12/12"), Some([12, 12, 12]));
        assert_eq!(parse_blocks("10, 0 5"), Some([10, 0, 5]));
        assert_eq!(parse_blocks("0/0/0"), None);
        assert_eq!(parse_blocks("12/12"), None);
        assert_eq!(parse_blocks("12/101/1"), None);
    }
}

//! Walking `co_code`: instructions with EXTENDED_ARG folded into the oparg
//! and inline caches skipped, as `dis._unpack_opargs` does, and the jump
//! targets `dis.findlabels` collects.

use crate::opcode::{Opcode, HAVE_ARGUMENT};

/// One instruction of `co_code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Byte offset of the opcode.
    pub offset: usize,
    /// The opcode byte (it may be a number CPython leaves unused).
    pub op: u8,
    /// The oparg with preceding EXTENDED_ARGs folded in, for instructions
    /// that take one: dis's value, where the running prefix wraps once it
    /// reaches 2**31 (opargs beyond 64 bits, from more than seven
    /// EXTENDED_ARGs in a row, wrap and differ from dis's).
    pub arg: Option<i64>,
}

impl Instruction {
    /// The opcode, if the byte is one CPython 3.11 defines.
    pub fn opcode(&self) -> Option<Opcode> {
        Opcode::from_u8(self.op)
    }

    /// The base instruction (`dis._deoptop`), as a byte.
    pub fn deopt(&self) -> u8 {
        self.opcode().map_or(self.op, |op| op.deopt() as u8)
    }
}

/// An iterator over the instructions of a code string.
#[derive(Clone, Debug)]
pub struct Instructions<'a> {
    code: &'a [u8],
    pos: usize,
    extended_arg: i64,
}

/// `dis._unpack_opargs(code)`. A trailing odd byte is ignored.
pub fn unpack_opargs(code: &[u8]) -> Instructions<'_> {
    Instructions {
        code,
        pos: 0,
        extended_arg: 0,
    }
}

impl Iterator for Instructions<'_> {
    type Item = Instruction;

    fn next(&mut self) -> Option<Instruction> {
        let unit = self.code.get(self.pos..self.pos + 2)?;
        let (op, byte) = (unit[0], unit[1]);
        let offset = self.pos;
        let opcode = Opcode::from_u8(op);
        let deop = opcode.map_or(op, |o| o.deopt() as u8);
        let caches = opcode.map_or(0, |o| o.cache_entries());
        self.pos += 2 * (1 + caches);
        let arg = if deop >= HAVE_ARGUMENT {
            let arg = byte as i64 | self.extended_arg;
            self.extended_arg = if deop == Opcode::EXTENDED_ARG as u8 {
                arg.wrapping_shl(8)
            } else {
                0
            };
            // The oparg is a C int in CPython: past 2**31 it turns negative.
            if self.extended_arg >= 1 << 31 {
                self.extended_arg = self.extended_arg.wrapping_sub(1 << 32);
            }
            Some(arg)
        } else {
            self.extended_arg = 0;
            None
        };
        Some(Instruction { offset, op, arg })
    }
}

/// How many code units an instruction takes: its EXTENDED_ARG prefixes,
/// itself and its inline caches (`instr_size` in CPython's compiler).
pub fn instr_size(op: Opcode, oparg: u32) -> usize {
    let prefixes = match oparg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    };
    prefixes + 1 + op.cache_entries()
}

/// Appends an instruction as CPython 3.11's assembler writes it
/// (`write_instr`): EXTENDED_ARG units for the high oparg bytes, the
/// opcode with the low byte, then its inline CACHE units, zeroed.
pub fn emit(out: &mut Vec<u8>, op: Opcode, oparg: u32) {
    for shift in [24u32, 16, 8] {
        if oparg >> shift != 0 {
            out.extend_from_slice(&[Opcode::EXTENDED_ARG as u8, (oparg >> shift) as u8]);
        }
    }
    out.extend_from_slice(&[op as u8, oparg as u8]);
    for _ in 0..op.cache_entries() {
        out.extend_from_slice(&[Opcode::CACHE as u8, 0]);
    }
}

/// `dis.findlabels(code)`: the jump targets, in order of first appearance.
/// Like dis, this looks at the opcode byte itself (not its base form).
pub fn find_labels(code: &[u8]) -> Vec<i64> {
    let mut labels: Vec<i64> = Vec::new();
    for ins in unpack_opargs(code) {
        let (Some(arg), Some(op)) = (ins.arg, ins.opcode()) else {
            continue;
        };
        if op.is_specialized() {
            continue;
        }
        if let Some(label) = op.jump_target(ins.offset as i64, arg) {
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_extended_args_and_skips_caches() {
        // EXTENDED_ARG 1; LOAD_CONST 2; LOAD_GLOBAL 0 + 5 caches; RETURN_VALUE
        let mut code = vec![144, 1, 100, 2, 116, 0];
        code.extend([0; 10]);
        code.extend([83, 0]);
        let ins: Vec<_> = unpack_opargs(&code)
            .map(|i| (i.offset, i.op, i.arg))
            .collect();
        assert_eq!(
            ins,
            [
                (0, 144, Some(1)),
                (2, 100, Some(258)),
                (4, 116, Some(0)),
                (16, 83, None)
            ]
        );
    }

    #[test]
    fn emits_prefixes_and_caches() {
        let mut code = Vec::new();
        emit(&mut code, Opcode::LOAD_CONST, 0x1_0203);
        emit(&mut code, Opcode::BINARY_OP, 0);
        assert_eq!(code, [144, 1, 144, 2, 100, 3, 122, 0, 0, 0]);
        assert_eq!(instr_size(Opcode::LOAD_CONST, 0x1_0203), 3);
        assert_eq!(instr_size(Opcode::LOAD_GLOBAL, u32::MAX), 9);
    }

    #[test]
    fn wraps_like_a_c_int() {
        let code = [144, 0xff, 144, 0xff, 144, 0xff, 144, 0xff, 100, 0xff];
        let args: Vec<_> = unpack_opargs(&code).map(|i| i.arg).collect();
        assert_eq!(
            args,
            [Some(0xff), Some(0xffff), Some(0xffffff), Some(-1), Some(-1)]
        );
    }
}

//! Constant values as they appear in the AST (`ast.Constant.value`).

use num_bigint::BigInt;

/// A Python constant: what `ast.Constant.value` can hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// An int that fits in i64; larger ones are `BigInt`.
    Int(i64),
    BigInt(Box<BigInt>),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    /// A str holding lone surrogates (`'\ud800'`), which Rust's `String`
    /// cannot: its code points.
    WideStr(Vec<u32>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
}

impl Constant {
    /// Python's `repr()` of the value.
    pub fn repr(&self) -> String {
        match self {
            Constant::None => "None".to_string(),
            Constant::Bool(true) => "True".to_string(),
            Constant::Bool(false) => "False".to_string(),
            Constant::Ellipsis => "Ellipsis".to_string(),
            Constant::Int(i) => i.to_string(),
            Constant::BigInt(i) => i.to_string(),
            Constant::Float(f) => kaa_repr::repr_float(*f),
            Constant::Complex { real, imag } => kaa_repr::repr_complex(*real, *imag),
            Constant::Str(s) => kaa_repr::repr_str(s),
            Constant::WideStr(cps) => kaa_repr::repr_code_points(cps),
            Constant::Bytes(b) => kaa_repr::repr_bytes(b),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|c| c.repr()).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
        }
    }
}

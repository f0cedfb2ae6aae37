//! The complex functions of CPython's `cmath` (Modules/cmathmodule.c):
//! C99 Annex G results, with special values (infinities, NaNs) looked up
//! in 7x7 tables indexed by the kind of the real and imaginary parts,
//! and the errno each function sets.

use crate::mathfn::MathErr;

/// A complex value as (real, imag).
pub type C = (f64, f64);

/// A result and the errno CPython's function leaves.
pub type CResult = (C, Option<MathErr>);

const PI: f64 = std::f64::consts::PI;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// A placeholder for table entries that are never read (finite x finite).
const U: f64 = -9.542_631_940_771_103e33;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const LARGE: f64 = f64::MAX / 4.0;
const SCALE_UP: i64 = 53;
const SCALE_DOWN: i64 = -27;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

/// The row/column of a float in the special-value tables.
fn special_type(d: f64) -> usize {
    if d.is_finite() {
        let pos = d.is_sign_positive();
        return match (d != 0.0, pos) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        };
    }
    if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

macro_rules! table {
    ($(C($re:expr, $im:expr))*) => {
        [$(($re, $im)),*]
    };
}

type Table = [C; 49];

fn lookup(t: &Table, z: C) -> C {
    t[special_type(z.0) * 7 + special_type(z.1)]
}

const ACOS_SV: Table = table![
    C(P34, INF) C(PI, INF) C(PI, INF) C(PI, -INF) C(PI, -INF) C(P34, -INF) C(N, INF)
    C(P12, INF) C(U, U) C(U, U) C(U, U) C(U, U) C(P12, -INF) C(N, N)
    C(P12, INF) C(U, U) C(P12, 0.) C(P12, -0.) C(U, U) C(P12, -INF) C(P12, N)
    C(P12, INF) C(U, U) C(P12, 0.) C(P12, -0.) C(U, U) C(P12, -INF) C(P12, N)
    C(P12, INF) C(U, U) C(U, U) C(U, U) C(U, U) C(P12, -INF) C(N, N)
    C(P14, INF) C(0., INF) C(0., INF) C(0., -INF) C(0., -INF) C(P14, -INF) C(N, INF)
    C(N, INF) C(N, N) C(N, N) C(N, N) C(N, N) C(N, -INF) C(N, N)
];

const ACOSH_SV: Table = table![
    C(INF, -P34) C(INF, -PI) C(INF, -PI) C(INF, PI) C(INF, PI) C(INF, P34) C(INF, N)
    C(INF, -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(0., -P12) C(0., P12) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(0., -P12) C(0., P12) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P14) C(INF, -0.) C(INF, -0.) C(INF, 0.) C(INF, 0.) C(INF, P14) C(INF, N)
    C(INF, N) C(N, N) C(N, N) C(N, N) C(N, N) C(INF, N) C(N, N)
];

const ASINH_SV: Table = table![
    C(-INF, -P14) C(-INF, -0.) C(-INF, -0.) C(-INF, 0.) C(-INF, 0.) C(-INF, P14) C(-INF, N)
    C(-INF, -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(-INF, P12) C(N, N)
    C(-INF, -P12) C(U, U) C(-0., -0.) C(-0., 0.) C(U, U) C(-INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P14) C(INF, -0.) C(INF, -0.) C(INF, 0.) C(INF, 0.) C(INF, P14) C(INF, N)
    C(INF, N) C(N, N) C(N, -0.) C(N, 0.) C(N, N) C(INF, N) C(N, N)
];

const ATANH_SV: Table = table![
    C(-0., -P12) C(-0., -P12) C(-0., -P12) C(-0., P12) C(-0., P12) C(-0., P12) C(-0., N)
    C(-0., -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(-0., P12) C(N, N)
    C(-0., -P12) C(U, U) C(-0., -0.) C(-0., 0.) C(U, U) C(-0., P12) C(-0., N)
    C(0., -P12) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(0., P12) C(0., N)
    C(0., -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(0., P12) C(N, N)
    C(0., -P12) C(0., -P12) C(0., -P12) C(0., P12) C(0., P12) C(0., P12) C(0., N)
    C(0., -P12) C(N, N) C(N, N) C(N, N) C(N, N) C(0., P12) C(N, N)
];

const COSH_SV: Table = table![
    C(INF, N) C(U, U) C(INF, 0.) C(INF, -0.) C(U, U) C(INF, N) C(INF, N)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(N, 0.) C(U, U) C(1., 0.) C(1., -0.) C(U, U) C(N, 0.) C(N, 0.)
    C(N, 0.) C(U, U) C(1., -0.) C(1., 0.) C(U, U) C(N, 0.) C(N, 0.)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(INF, N) C(U, U) C(INF, -0.) C(INF, 0.) C(U, U) C(INF, N) C(INF, N)
    C(N, N) C(N, N) C(N, 0.) C(N, 0.) C(N, N) C(N, N) C(N, N)
];

const EXP_SV: Table = table![
    C(0., 0.) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(0., 0.) C(0., 0.)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(N, N) C(U, U) C(1., -0.) C(1., 0.) C(U, U) C(N, N) C(N, N)
    C(N, N) C(U, U) C(1., -0.) C(1., 0.) C(U, U) C(N, N) C(N, N)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(INF, N) C(U, U) C(INF, -0.) C(INF, 0.) C(U, U) C(INF, N) C(INF, N)
    C(N, N) C(N, N) C(N, -0.) C(N, 0.) C(N, N) C(N, N) C(N, N)
];

const LOG_SV: Table = table![
    C(INF, -P34) C(INF, -PI) C(INF, -PI) C(INF, PI) C(INF, PI) C(INF, P34) C(INF, N)
    C(INF, -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(-INF, -PI) C(-INF, PI) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(-INF, -0.) C(-INF, 0.) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P12) C(U, U) C(U, U) C(U, U) C(U, U) C(INF, P12) C(N, N)
    C(INF, -P14) C(INF, -0.) C(INF, -0.) C(INF, 0.) C(INF, 0.) C(INF, P14) C(INF, N)
    C(INF, N) C(N, N) C(N, N) C(N, N) C(N, N) C(INF, N) C(N, N)
];

const SINH_SV: Table = table![
    C(INF, N) C(U, U) C(-INF, -0.) C(-INF, 0.) C(U, U) C(INF, N) C(INF, N)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(0., N) C(U, U) C(-0., -0.) C(-0., 0.) C(U, U) C(0., N) C(0., N)
    C(0., N) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(0., N) C(0., N)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(INF, N) C(U, U) C(INF, -0.) C(INF, 0.) C(U, U) C(INF, N) C(INF, N)
    C(N, N) C(N, N) C(N, -0.) C(N, 0.) C(N, N) C(N, N) C(N, N)
];

const SQRT_SV: Table = table![
    C(INF, -INF) C(0., -INF) C(0., -INF) C(0., INF) C(0., INF) C(INF, INF) C(N, INF)
    C(INF, -INF) C(U, U) C(U, U) C(U, U) C(U, U) C(INF, INF) C(N, N)
    C(INF, -INF) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(INF, INF) C(N, N)
    C(INF, -INF) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(INF, INF) C(N, N)
    C(INF, -INF) C(U, U) C(U, U) C(U, U) C(U, U) C(INF, INF) C(N, N)
    C(INF, -INF) C(INF, -0.) C(INF, -0.) C(INF, 0.) C(INF, 0.) C(INF, INF) C(INF, N)
    C(INF, -INF) C(N, N) C(N, N) C(N, N) C(N, N) C(INF, INF) C(N, N)
];

const TANH_SV: Table = table![
    C(-1., 0.) C(U, U) C(-1., -0.) C(-1., 0.) C(U, U) C(-1., 0.) C(-1., 0.)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(-0.0, N) C(U, U) C(-0., -0.) C(-0., 0.) C(U, U) C(-0.0, N) C(N, N)
    C(0.0, N) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(0.0, N) C(N, N)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(1., 0.) C(U, U) C(1., -0.) C(1., 0.) C(U, U) C(1., 0.) C(1., 0.)
    C(N, N) C(N, N) C(N, -0.) C(N, 0.) C(N, N) C(N, N) C(N, N)
];

const RECT_SV: Table = table![
    C(INF, N) C(U, U) C(-INF, 0.) C(-INF, -0.) C(U, U) C(INF, N) C(INF, N)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(0., 0.) C(U, U) C(-0., 0.) C(-0., -0.) C(U, U) C(0., 0.) C(0., 0.)
    C(0., 0.) C(U, U) C(0., -0.) C(0., 0.) C(U, U) C(0., 0.) C(0., 0.)
    C(N, N) C(U, U) C(U, U) C(U, U) C(U, U) C(N, N) C(N, N)
    C(INF, N) C(U, U) C(INF, -0.) C(INF, 0.) C(U, U) C(INF, N) C(INF, N)
    C(N, N) C(N, N) C(N, 0.) C(N, 0.) C(N, N) C(N, N) C(N, N)
];

fn nonfinite(z: C) -> bool {
    !z.0.is_finite() || !z.1.is_finite()
}

fn ok(z: C) -> CResult {
    (z, None)
}

/// `cmath.sqrt`.
pub fn sqrt(z: C) -> CResult {
    if nonfinite(z) {
        return ok(lookup(&SQRT_SV, z));
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ok((0.0, z.1));
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot of subnormals would lose precision: scale up first.
        ax = crate::mathfn::ldexp(ax, SCALE_UP);
        crate::mathfn::ldexp(
            (ax + ax.hypot(crate::mathfn::ldexp(ay, SCALE_UP))).sqrt(),
            SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        ok((s, d.copysign(z.1)))
    } else {
        ok((d, s.copysign(z.1)))
    }
}

/// `c_log`: the natural log, careful near |z| = 1 and for tiny or huge z.
pub fn log(z: C) -> CResult {
    if nonfinite(z) {
        return ok(lookup(&LOG_SV, z));
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let l = crate::mathfn::ldexp(ax, 53).hypot(crate::mathfn::ldexp(ay, 53));
            l.ln() - 53.0 * LN2
        } else {
            return ((-INF, z.1.atan2(z.0)), Some(MathErr::Domain));
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ok((re, z.1.atan2(z.0)))
}

/// `m_log1p`: log1p keeping the sign of a zero.
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

/// `cmath.log10`.
pub fn log10(z: C) -> CResult {
    let (r, e) = log(z);
    ((r.0 / LN10, r.1 / LN10), e)
}

/// `cmath.acos`.
pub fn acos(z: C) -> CResult {
    if nonfinite(z) {
        return ok(lookup(&ACOS_SV, z));
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = z.1.abs().atan2(z.0);
        let im = -(((z.0 / 2.0).hypot(z.1 / 2.0)).ln() + LN2 * 2.0).copysign(z.1);
        return ok((re, im));
    }
    let s1 = sqrt((1.0 - z.0, -z.1)).0;
    let s2 = sqrt((1.0 + z.0, z.1)).0;
    ok((
        2.0 * s1.0.atan2(s2.0),
        crate::mathfn::asinh(s2.0 * s1.1 - s2.1 * s1.0),
    ))
}

/// `cmath.acosh`.
pub fn acosh(z: C) -> CResult {
    if nonfinite(z) {
        return ok(lookup(&ACOSH_SV, z));
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = ((z.0 / 2.0).hypot(z.1 / 2.0)).ln() + LN2 * 2.0;
        return ok((re, z.1.atan2(z.0)));
    }
    let s1 = sqrt((z.0 - 1.0, z.1)).0;
    let s2 = sqrt((z.0 + 1.0, z.1)).0;
    ok((
        crate::mathfn::asinh(s1.0 * s2.0 + s1.1 * s2.1),
        2.0 * s1.1.atan2(s2.0),
    ))
}

/// `cmath.asinh`.
pub fn asinh(z: C) -> CResult {
    if nonfinite(z) {
        return ok(lookup(&ASINH_SV, z));
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = ((z.0 / 2.0).hypot(z.1 / 2.0)).ln() + LN2 * 2.0;
        let re = if z.1 >= 0.0 {
            l.copysign(z.0)
        } else {
            -l.copysign(-z.0)
        };
        return ok((re, z.1.atan2(z.0.abs())));
    }
    let s1 = sqrt((1.0 + z.1, -z.0)).0;
    let s2 = sqrt((1.0 - z.1, z.0)).0;
    ok((
        crate::mathfn::asinh(s1.0 * s2.1 - s2.0 * s1.1),
        z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    ))
}

/// `cmath.asin`: -i asinh(iz).
pub fn asin(z: C) -> CResult {
    let (s, e) = asinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

/// `cmath.atanh`.
pub fn atanh(z: C) -> CResult {
    if nonfinite(z) {
        return ok(lookup(&ATANH_SV, z));
    }
    if z.0 < 0.0 {
        let (r, e) = atanh((-z.0, -z.1));
        return ((-r.0, -r.1), e);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return ok((z.0 / 4.0 / h / h, (PI / 2.0).copysign(z.1)));
    }
    if z.0 == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return ((INF, z.1), Some(MathErr::Domain));
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return ok((re, (2.0_f64.atan2(-ay) / 2.0).copysign(z.1)));
    }
    let re = log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
    let im = -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
    ok((re, im))
}

/// `cmath.atan`: -i atanh(iz).
pub fn atan(z: C) -> CResult {
    let (s, e) = atanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

/// The errno of cosh/sinh for special values: EDOM if y is infinite and
/// x not a NaN.
fn edom_if_inf_imag(z: C) -> Option<MathErr> {
    (z.1.is_infinite() && !z.0.is_nan()).then_some(MathErr::Domain)
}

fn range_check(r: C) -> CResult {
    let e = (r.0.is_infinite() || r.1.is_infinite()).then_some(MathErr::Range);
    (r, e)
}

/// `cmath.cosh`.
pub fn cosh(z: C) -> CResult {
    if nonfinite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = INF.copysign(z.1.sin());
            (INF.copysign(z.1.cos()), if z.0 > 0.0 { im } else { -im })
        } else {
            lookup(&COSH_SV, z)
        };
        return (r, edom_if_inf_imag(z));
    }
    let r = if z.0.abs() > log_large() {
        let xm1 = z.0 - 1.0_f64.copysign(z.0);
        (
            z.1.cos() * xm1.cosh() * std::f64::consts::E,
            z.1.sin() * xm1.sinh() * std::f64::consts::E,
        )
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    range_check(r)
}

/// `cmath.sinh`.
pub fn sinh(z: C) -> CResult {
    if nonfinite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let re = INF.copysign(z.1.cos());
            (if z.0 > 0.0 { re } else { -re }, INF.copysign(z.1.sin()))
        } else {
            lookup(&SINH_SV, z)
        };
        return (r, edom_if_inf_imag(z));
    }
    let r = if z.0.abs() > log_large() {
        let xm1 = z.0 - 1.0_f64.copysign(z.0);
        (
            z.1.cos() * xm1.sinh() * std::f64::consts::E,
            z.1.sin() * xm1.cosh() * std::f64::consts::E,
        )
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    range_check(r)
}

/// `cmath.cos`: cosh(iz).
pub fn cos(z: C) -> CResult {
    cosh((-z.1, z.0))
}

/// `cmath.sin`: -i sinh(iz).
pub fn sin(z: C) -> CResult {
    let (s, e) = sinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

/// `cmath.exp`.
pub fn exp(z: C) -> CResult {
    if nonfinite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            } else {
                (0.0_f64.copysign(z.1.cos()), 0.0_f64.copysign(z.1.sin()))
            }
        } else {
            lookup(&EXP_SV, z)
        };
        let e = (z.1.is_infinite() && (z.0.is_finite() || z.0 == INF)).then_some(MathErr::Domain);
        return (r, e);
    }
    let r = if z.0 > log_large() {
        let l = (z.0 - 1.0).exp();
        (
            l * z.1.cos() * std::f64::consts::E,
            l * z.1.sin() * std::f64::consts::E,
        )
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    range_check(r)
}

/// `cmath.tanh`.
pub fn tanh(z: C) -> CResult {
    if nonfinite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = 0.0_f64.copysign(2.0 * z.1.sin() * z.1.cos());
            (if z.0 > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            lookup(&TANH_SV, z)
        };
        let e = (z.1.is_infinite() && z.0.is_finite()).then_some(MathErr::Domain);
        return (r, e);
    }
    if z.0.abs() > log_large() {
        return ok((
            1.0_f64.copysign(z.0),
            4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp(),
        ));
    }
    let tx = z.0.tanh();
    let ty = z.1.tan();
    let cx = 1.0 / z.0.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

/// `cmath.tan`: -i tanh(iz).
pub fn tan(z: C) -> CResult {
    let (s, e) = tanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

/// `cmath.rect(r, phi)`.
pub fn rect(r: f64, phi: f64) -> CResult {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (INF.copysign(phi.cos()), INF.copysign(phi.sin()));
            if r > 0.0 {
                (c, s)
            } else {
                (-c, -s)
            }
        } else {
            lookup(&RECT_SV, (r, phi))
        };
        let e = (r != 0.0 && !r.is_nan() && phi.is_infinite()).then_some(MathErr::Domain);
        return (z, e);
    }
    if phi == 0.0 {
        return ok((r, r * phi));
    }
    ok((r * phi.cos(), r * phi.sin()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials() {
        assert_eq!(sqrt((-4.0, 0.0)).0, (0.0, 2.0));
        assert_eq!(special_type(-0.0), 2);
        assert_eq!(log((0.0, 0.0)).1, Some(MathErr::Domain));
        let (r, e) = exp((INF, 0.0));
        assert_eq!((r.0, r.1, e), (INF, 0.0, None));
        assert_eq!(
            lookup(&SQRT_SV, (1.0, f64::INFINITY)),
            (f64::INFINITY, f64::INFINITY)
        );
    }
}

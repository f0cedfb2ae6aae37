//! The `time` module (Modules/timemodule.c of CPython 3.11): clocks,
//! `sleep`, `struct_time` conversions, `strftime`/`strptime` in the C
//! locale. Local time is taken to be UTC (kaa reads no zone database):
//! `timezone`, `altzone` are 0, `daylight` 0, `tzname` ('UTC', 'UTC').

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::exceptions::{PyErr, PyResult};
use crate::mathmod::to_f64;
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAYS_FULL: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FULL: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A broken-down time, Python's way: month 1-12, wday Monday=0, yday 1-366.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i64,
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day number since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `gmtime` of seconds since the epoch.
fn tm_from_secs(t: i64) -> Tm {
    let days = t.div_euclid(86400);
    let rem = t.rem_euclid(86400);
    let (year, mon, mday) = civil_from_days(days);
    Tm {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
        isdst: 0,
    }
}

fn now() -> f64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64(),
        Err(e) => -e.duration().as_secs_f64(),
    }
}

fn now_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn big(vm: &Vm, n: i128) -> Value {
    Value::from_bigint(BigInt::from(n), vm)
}

/// The monotonic clock: nanoseconds since the first reading.
fn mono_ns() -> u128 {
    thread_local! {
        static START: Instant = Instant::now();
    }
    START.with(|s| s.elapsed().as_nanos())
}

/// CPU time of the process: /proc/self/schedstat's run time (Linux),
/// else the monotonic clock.
fn cpu_ns() -> u128 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or_else(mono_ns)
}

fn t_time(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(now()))
}

fn t_time_ns(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(big(vm, now_ns()))
}

fn t_monotonic(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(mono_ns() as f64 / 1e9))
}

fn t_monotonic_ns(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(big(vm, mono_ns() as i128))
}

fn t_process_time(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(cpu_ns() as f64 / 1e9))
}

fn t_process_time_ns(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(big(vm, cpu_ns() as i128))
}

/// `time.sleep(secs)`: not interruptible by signals in kaa.
fn t_sleep(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let v = a.arg(0);
    if !v.is_int_like() && !matches!(v, Value::Float(_)) && vm.user_method(v, "__float__").is_none()
    {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    let s = to_f64(vm, v)?;
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if s > 9.2e9 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    std::thread::sleep(Duration::from_secs_f64(s));
    Ok(Value::None)
}

/// The seconds argument of gmtime/localtime/ctime: None is now; floats
/// are floored (`_PyTime_ObjectToTime_t`, _PyTime_ROUND_FLOOR).
fn secs_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let v = match v {
        None | Some(Value::None) => return Ok(now().floor() as i64),
        Some(v) => v.clone(),
    };
    let overflow = |vm: &Vm| vm.overflow_error("timestamp out of range for platform time_t");
    if let Value::Float(f) = v {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.2e18..9.2e18).contains(&f) {
            return Err(overflow(vm));
        }
        return year_range(vm, f as i64);
    }
    let i = crate::mathmod::to_index(vm, &v)?;
    let t = i.to_i64().ok_or_else(|| overflow(vm))?;
    year_range(vm, t)
}

/// glibc's gmtime fails (EOVERFLOW) past a year that fits in a C int.
fn year_range(vm: &Vm, t: i64) -> PyResult<i64> {
    if !(-67768040609740800..=67768036191676799).contains(&t) {
        return Err(vm.new_error_args(
            "OSError",
            vec![
                Value::Int(75),
                vm.new_str("Value too large for defined data type"),
            ],
        ));
    }
    Ok(t)
}

/// The `struct_time` type, from the module.
fn struct_time_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let mods = vm.modules_dict();
    let t = crate::dict::dict_get_str(&mods, "time").and_then(|m| match m.payload() {
        Some(Payload::Module(md)) => crate::dict::dict_get_str(&md.dict, "struct_time"),
        _ => None,
    });
    match t.as_ref().and_then(Value::as_obj) {
        Some(o) => Ok(o.clone()),
        None => Err(vm.new_error("RuntimeError", "time.struct_time is missing")),
    }
}

fn new_struct_time(vm: &mut Vm, tm: &Tm, zone: Option<&str>) -> PyResult<Value> {
    let t = struct_time_type(vm)?;
    let vals = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst,
    ]
    .iter()
    .map(|x| Value::Int(*x))
    .collect();
    let v = crate::structseq::new_structseq(vm, &t, vals);
    // tm_zone and tm_gmtoff: attributes, not items.
    if let Some(d) = v.as_obj().and_then(|o| o.dict.clone()) {
        // strptime leaves both None.
        let (z, off) = match zone {
            Some(z) => (vm.new_str(z), Value::Int(0)),
            None => (Value::None, Value::None),
        };
        crate::dict::dict_set_simple(vm, &d, vm.new_str("tm_zone"), z);
        crate::dict::dict_set_simple(vm, &d, vm.new_str("tm_gmtoff"), off);
    }
    Ok(v)
}

fn t_gmtime(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = secs_arg(vm, a.get(0))?;
    new_struct_time(vm, &tm_from_secs(t), Some("GMT"))
}

fn t_localtime(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = secs_arg(vm, a.get(0))?;
    new_struct_time(vm, &tm_from_secs(t), Some("UTC"))
}

/// `gettmarg`: a 9-tuple (or struct_time) as a Tm.
fn tm_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Tm> {
    let Some(items) = v.as_tuple().map(<[Value]>::to_vec) else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(&items) {
        let i = crate::mathmod::to_index(vm, item)?;
        *slot = i
            .to_i32()
            .map(i64::from)
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
    }
    Ok(Tm {
        year: f[0],
        mon: f[1],
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: f[6],
        yday: f[7],
        isdst: f[8],
    })
}

/// `checktm` for strftime/asctime (zero month, day and yday allowed).
fn check_tm(vm: &Vm, tm: &mut Tm) -> PyResult<()> {
    let err = |m: &str| -> PyErr { vm.value_error(m.to_string()) };
    if tm.mon == 0 {
        tm.mon = 1;
    } else if !(1..=12).contains(&tm.mon) {
        return Err(err("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(err("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(err("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(err("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(err("seconds out of range"));
    }
    // Python's Monday=0 becomes C's (wday + 1) % 7, C's remainder.
    if (tm.wday + 1) % 7 < 0 {
        return Err(err("day of week out of range"));
    }
    tm.wday = (tm.wday + 1) % 7;
    tm.wday = (tm.wday + 6) % 7;
    if tm.yday == 0 {
        tm.yday = 1;
    } else if !(0..=366).contains(&tm.yday) {
        return Err(err("day of year out of range"));
    }
    Ok(())
}

/// The tm of a struct_time/tuple argument, or of now (local = UTC).
fn tm_or_now(vm: &mut Vm, v: Option<&Value>, func: &str) -> PyResult<Tm> {
    match v {
        None => Ok(tm_from_secs(now().floor() as i64)),
        Some(v) => {
            let mut tm = tm_arg(vm, v, func)?;
            check_tm(vm, &mut tm)?;
            Ok(tm)
        }
    }
}

/// C's `%U` / `%W` week numbers.
fn week_number(tm: &Tm, monday_first: bool) -> i64 {
    let c_wday = (tm.wday + 1) % 7;
    let wd = if monday_first {
        (c_wday + 6) % 7
    } else {
        c_wday
    };
    (tm.yday - 1 + 7 - wd) / 7
}

/// ISO 8601 year and week (`%G`, `%V`).
fn iso_week(tm: &Tm) -> (i64, i64) {
    let yday = tm.yday - 1;
    let wday = tm.wday; // Monday = 0
    let week = (yday - wday + 10) / 7;
    if week < 1 {
        let py = tm.year - 1;
        let leap = (py % 4 == 0 && py % 100 != 0) || py % 400 == 0;
        let pyday = yday + if leap { 366 } else { 365 };
        return (py, (pyday - wday + 10) / 7);
    }
    let leap = (tm.year % 4 == 0 && tm.year % 100 != 0) || tm.year % 400 == 0;
    let days = if leap { 366 } else { 365 };
    if week == 53 && yday - wday + 3 >= days {
        return (tm.year + 1, 1);
    }
    (tm.year, week)
}

/// glibc's strftime in the C locale.
fn format_tm(fmt: &str, tm: &Tm, zone: &str) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    let day = DAYS.get(tm.wday as usize).copied().unwrap_or("?");
    let day_full = DAYS_FULL.get(tm.wday as usize).copied().unwrap_or("?");
    let mon = MONTHS.get((tm.mon - 1) as usize).copied().unwrap_or("?");
    let mon_full = MONTHS_FULL
        .get((tm.mon - 1) as usize)
        .copied()
        .unwrap_or("?");
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let s = match d {
            'a' => day.to_string(),
            'A' => day_full.to_string(),
            'b' | 'h' => mon.to_string(),
            'B' => mon_full.to_string(),
            'c' => format!(
                "{day} {mon} {:2} {:02}:{:02}:{:02} {}",
                tm.mday, tm.hour, tm.min, tm.sec, tm.year
            ),
            'C' => tm.year.div_euclid(100).to_string(),
            'd' => format!("{:02}", tm.mday),
            'D' => format!(
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'e' => format!("{:2}", tm.mday),
            'F' => format!("{}-{:02}-{:02}", tm.year, tm.mon, tm.mday),
            'G' => iso_week(tm).0.to_string(),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{hour12:02}"),
            'j' => format!("{:03}", tm.yday),
            'k' => format!("{:2}", tm.hour),
            'l' => format!("{hour12:2}"),
            'm' => format!("{:02}", tm.mon),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".to_string(),
            'p' => (if tm.hour < 12 { "AM" } else { "PM" }).to_string(),
            'P' => (if tm.hour < 12 { "am" } else { "pm" }).to_string(),
            'r' => format!(
                "{hour12:02}:{:02}:{:02} {}",
                tm.min,
                tm.sec,
                if tm.hour < 12 { "AM" } else { "PM" }
            ),
            'R' => format!("{:02}:{:02}", tm.hour, tm.min),
            'S' => format!("{:02}", tm.sec),
            't' => "\t".to_string(),
            'T' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'u' => (tm.wday + 1).to_string(),
            'U' => format!("{:02}", week_number(tm, false)),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => ((tm.wday + 1) % 7).to_string(),
            'W' => format!("{:02}", week_number(tm, true)),
            'x' => format!(
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'X' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'z' => "+0000".to_string(),
            'Z' => zone.to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

fn t_strftime(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(fmt) = a.arg(0).as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(a.arg(0))
        )));
    };
    let tm = tm_or_now(vm, a.get(1), "strftime")?;
    // A struct_time brings its own zone name (gmtime's is 'GMT').
    let zone = a
        .get(1)
        .and_then(Value::as_obj)
        .and_then(|o| o.dict.clone())
        .and_then(|d| crate::dict::dict_get_str(&d, "tm_zone"))
        .and_then(|z| z.as_str().map(str::to_string))
        .unwrap_or_else(|| "UTC".to_string());
    Ok(vm.new_str(&format_tm(&fmt, &tm, &zone)))
}

/// CPython's `_asctime`: "Thu Jan  1 00:00:00 1970".
fn asctime_text(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS.get(tm.wday as usize).copied().unwrap_or("?"),
        MONTHS.get((tm.mon - 1) as usize).copied().unwrap_or("?"),
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn t_asctime(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let tm = tm_or_now(vm, a.get(0), "asctime")?;
    Ok(vm.new_str(&asctime_text(&tm)))
}

fn t_ctime(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = secs_arg(vm, a.get(0))?;
    Ok(vm.new_str(&asctime_text(&tm_from_secs(t))))
}

/// `time.mktime(t)`: the inverse of localtime (UTC here), fields
/// normalised as C's mktime does.
fn t_mktime(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let tm = tm_arg(vm, a.arg(0), "mktime")?;
    let m0 = tm.mon - 1;
    let year = tm.year + m0.div_euclid(12);
    let mon = m0.rem_euclid(12) + 1;
    let days = days_from_civil(year, mon, 1) + tm.mday - 1;
    let secs = days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
    Ok(Value::Float(secs as f64))
}

/// A parser over the input of `strptime`.
struct Scan<'s> {
    s: &'s [u8],
    pos: usize,
}

impl Scan<'_> {
    /// A number of `min` to `max` digits (`_strptime`'s regexes).
    fn num(&mut self, min: usize, max: usize) -> Option<i64> {
        let start = self.pos;
        while self.pos < self.s.len() && self.pos - start < max && self.s[self.pos].is_ascii_digit()
        {
            self.pos += 1;
        }
        if self.pos - start < min {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.pos])
            .ok()?
            .parse()
            .ok()
    }

    fn word(&mut self, names: &[&str]) -> Option<usize> {
        let rest = &self.s[self.pos..];
        // Longest match first (full names before abbreviations).
        let mut best: Option<(usize, usize)> = None;
        for (i, n) in names.iter().enumerate() {
            let nb = n.as_bytes();
            if rest.len() >= nb.len()
                && rest[..nb.len()].eq_ignore_ascii_case(nb)
                && best.is_none_or(|(_, l)| nb.len() > l)
            {
                best = Some((i, nb.len()));
            }
        }
        let (i, l) = best?;
        self.pos += l;
        Some(i)
    }
}

/// `time.strptime(string, format)` for the common directives (the C
/// locale), as `_strptime` computes the missing fields.
fn t_strptime(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (Some(text), Some(fmt)) = (
        a.arg(0).as_str(),
        a.get(1)
            .map_or(Some("%a %b %d %H:%M:%S %Y"), |f| f.as_str()),
    ) else {
        let bad = if a.arg(0).as_str().is_none() {
            a.arg(0)
        } else {
            a.arg(1)
        };
        return Err(vm.type_error(format!(
            "strptime() argument {} must be str, not <class '{}'>",
            if a.arg(0).as_str().is_none() { 0 } else { 1 },
            vm.type_name(bad)
        )));
    };
    let (text, fmt) = (text.to_string(), fmt.to_string());
    let mismatch = |vm: &Vm| {
        vm.value_error(format!(
            "time data {} does not match format {}",
            kaa_repr_str(&text),
            kaa_repr_str(&fmt)
        ))
    };
    let mut sc = Scan {
        s: text.as_bytes(),
        pos: 0,
    };
    let (mut year, mut mon, mut mday, mut hour, mut min, mut sec) = (1900, 1, 1, 0, 0, 0);
    let (mut yday, mut wday, mut pm, mut hour12) = (None, None, None, false);
    let mut f = fmt.chars().peekable();
    let full_names: Vec<&str> = MONTHS_FULL.iter().chain(MONTHS.iter()).copied().collect();
    let day_names: Vec<&str> = DAYS_FULL.iter().chain(DAYS.iter()).copied().collect();
    while let Some(c) = f.next() {
        if c.is_whitespace() {
            while sc.pos < sc.s.len() && sc.s[sc.pos].is_ascii_whitespace() {
                sc.pos += 1;
            }
            continue;
        }
        if c != '%' {
            let mut buf = [0u8; 4];
            let cb = c.encode_utf8(&mut buf).as_bytes();
            if sc.s[sc.pos..].starts_with(cb) {
                sc.pos += cb.len();
                continue;
            }
            return Err(mismatch(vm));
        }
        let Some(d) = f.next() else {
            return Err(vm.value_error("stray % in format '".to_string() + &fmt + "'"));
        };
        let ok = match d {
            'Y' => sc.num(4, 4).map(|v| year = v),
            'y' => sc
                .num(2, 2)
                .map(|v| year = if v < 69 { 2000 + v } else { 1900 + v }),
            'm' => sc
                .num(1, 2)
                .filter(|v| (1..=12).contains(v))
                .map(|v| mon = v),
            'd' => sc
                .num(1, 2)
                .filter(|v| (1..=31).contains(v))
                .map(|v| mday = v),
            'H' => sc.num(1, 2).filter(|v| *v <= 23).map(|v| hour = v),
            'I' => sc.num(1, 2).filter(|v| (1..=12).contains(v)).map(|v| {
                hour = v;
                hour12 = true;
            }),
            'M' => sc.num(1, 2).filter(|v| *v <= 59).map(|v| min = v),
            'S' => sc.num(1, 2).filter(|v| *v <= 61).map(|v| sec = v),
            'j' => sc
                .num(1, 3)
                .filter(|v| (1..=366).contains(v))
                .map(|v| yday = Some(v)),
            'b' | 'B' | 'h' => sc.word(&full_names).map(|i| mon = (i % 12) as i64 + 1),
            'a' | 'A' => sc.word(&day_names).map(|i| wday = Some((i % 7) as i64)),
            'p' => sc.word(&["AM", "PM"]).map(|i| pm = Some(i == 1)),
            '%' => (sc.s.get(sc.pos) == Some(&b'%')).then(|| sc.pos += 1),
            other => {
                return Err(
                    vm.value_error(format!("'{other}' is a bad directive in format '%{other}'"))
                )
            }
        };
        if ok.is_none() {
            return Err(mismatch(vm));
        }
    }
    if sc.pos < sc.s.len() {
        let rest = String::from_utf8_lossy(&sc.s[sc.pos..]).into_owned();
        return Err(vm.value_error(format!("unconverted data remains: {rest}")));
    }
    if hour12 {
        match pm {
            Some(true) if hour != 12 => hour += 12,
            Some(false) | None if hour == 12 => hour = 0,
            _ => {}
        }
    }
    let days = match yday {
        Some(j) => days_from_civil(year, 1, 1) + j - 1,
        None => {
            // datetime.date's check.
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let dim = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            if mday > dim.get((mon - 1) as usize).copied().unwrap_or(31) {
                return Err(vm.value_error("day is out of range for month"));
            }
            days_from_civil(year, mon, mday)
        }
    };
    let (y, m, dd) = civil_from_days(days);
    let tm = Tm {
        year: y,
        mon: m,
        mday: dd,
        hour,
        min,
        sec,
        wday: wday.unwrap_or((days + 3).rem_euclid(7)),
        yday: days - days_from_civil(y, 1, 1) + 1,
        isdst: -1,
    };
    new_struct_time(vm, &tm, None)
}

/// A str's repr for messages (`%r`).
fn kaa_repr_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("asctime(t=None, /)", t_asctime),
    ("ctime(secs=None, /)", t_ctime),
    ("gmtime(secs=None, /)", t_gmtime),
    ("localtime(secs=None, /)", t_localtime),
    ("mktime(t, /)", t_mktime),
    ("monotonic()", t_monotonic),
    ("monotonic_ns()", t_monotonic_ns),
    ("perf_counter()", t_monotonic),
    ("perf_counter_ns()", t_monotonic_ns),
    ("process_time()", t_process_time),
    ("process_time_ns()", t_process_time_ns),
    ("sleep(secs, /)", t_sleep),
    ("strftime(format, t=None, /)", t_strftime),
    ("strptime(string, format=None, /)", t_strptime),
    ("time()", t_time),
    ("time_ns()", t_time_ns),
];

/// Builds the `time` module object.
pub fn time_module(vm: &mut Vm) -> ObjRef {
    let st = crate::structseq::structseq_type(vm, "time.struct_time", &FIELDS);
    // tm_zone and tm_gmtoff are the two fields beyond the tuple's nine.
    if let Some(td) = crate::types::type_data(&st) {
        td.set_own(vm.new_str("n_fields"), Value::Int(11));
    }
    let utc = vm.new_str("UTC");
    let values = vec![
        ("struct_time", Value::Obj(st)),
        ("timezone", Value::Int(0)),
        ("altzone", Value::Int(0)),
        ("daylight", Value::Int(0)),
        ("tzname", vm.new_tuple(vec![utc.clone(), utc])),
    ];
    crate::module::new_native_module(vm, "time", None, values, FUNCTIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-1_000_000, -719468, -1, 0, 1, 11016, 1_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        let tm = tm_from_secs(0);
        assert_eq!(
            (tm.year, tm.mon, tm.mday, tm.wday, tm.yday),
            (1970, 1, 1, 3, 1)
        );
        assert_eq!(asctime_text(&tm), "Thu Jan  1 00:00:00 1970");
    }
}

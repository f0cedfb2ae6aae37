//! Tokenizer tests; every expectation was produced by CPython 3.11.7
//! (`compile()` for errors, the C tokenizer's raw tokens for streams).

use super::*;
use crate::error::OFFSET_MINUS_ONE;

// The tables below are generated from CPython by tools/gen_tokenizer_tests.py: errors from
// 3.11.7's compile(), token streams from the C tokenizer (3.12.1's
// `_tokenize.TokenizerIter` without extra tokens, which matches 3.11's for
// sources without f-strings).

/// One expected tokenizer error.
type ErrorCase = (
    bool,
    &'static str,
    &'static str,
    &'static str,
    u32,
    i64,
    u32,
    i64,
    &'static str,
);

// BEGIN GENERATED (tools/gen_tokenizer_tests.py)
/// (source, the C tokenizer's tokens: `KIND line,col-line,col`).
#[rustfmt::skip]
const TOKEN_CASES: &[(&str, &str)] = &[
    ("x = f'a{b!r:>{w}}c' + rf\"d{e}\"\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nSTRING 1,4-1,19\nPLUS 1,20-1,21\nSTRING 1,22-1,30\nNEWLINE 1,30-1,30\nENDMARKER 1,-1-1,-1\n"),
    ("f'''a\n{b}\n'''\n", "STRING 1,0-3,3\nNEWLINE 3,3-3,3\nENDMARKER 3,-1-3,-1\n"),
    ("x = 1\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,5\nNEWLINE 1,5-1,5\nENDMARKER 1,-1-1,-1\n"),
    ("x = 1", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,5\nNEWLINE 1,5-1,5\nENDMARKER 1,-1-1,-1\n"),
    ("", "ENDMARKER 1,-1-1,-1\n"),
    ("\n\n", "ENDMARKER 2,-1-2,-1\n"),
    ("# only a comment", "ENDMARKER 1,-1-1,-1\n"),
    ("if x:\n    y = 2\nz = 3\n", "NAME 1,0-1,2\nNAME 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 2,-1-2,-1\nNAME 2,4-2,5\nEQUAL 2,6-2,7\nNUMBER 2,8-2,9\nNEWLINE 2,9-2,9\nDEDENT 3,-1-3,-1\nNAME 3,0-3,1\nEQUAL 3,2-3,3\nNUMBER 3,4-3,5\nNEWLINE 3,5-3,5\nENDMARKER 3,-1-3,-1\n"),
    ("if x:\n    if y:\n        pass\n", "NAME 1,0-1,2\nNAME 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 2,-1-2,-1\nNAME 2,4-2,6\nNAME 2,7-2,8\nCOLON 2,8-2,9\nNEWLINE 2,9-2,9\nINDENT 3,-1-3,-1\nNAME 3,8-3,12\nNEWLINE 3,12-3,12\nDEDENT 3,-1-3,-1\nDEDENT 3,-1-3,-1\nENDMARKER 3,-1-3,-1\n"),
    ("if x:\n    if y:\n        pass", "NAME 1,0-1,2\nNAME 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 2,-1-2,-1\nNAME 2,4-2,6\nNAME 2,7-2,8\nCOLON 2,8-2,9\nNEWLINE 2,9-2,9\nINDENT 3,-1-3,-1\nNAME 3,8-3,12\nNEWLINE 3,12-3,12\nDEDENT 3,-1-3,-1\nDEDENT 3,-1-3,-1\nENDMARKER 3,-1-3,-1\n"),
    ("def f(a, b=1, *c, **d) -> int:\n    return a\n", "NAME 1,0-1,3\nNAME 1,4-1,5\nLPAR 1,5-1,6\nNAME 1,6-1,7\nCOMMA 1,7-1,8\nNAME 1,9-1,10\nEQUAL 1,10-1,11\nNUMBER 1,11-1,12\nCOMMA 1,12-1,13\nSTAR 1,14-1,15\nNAME 1,15-1,16\nCOMMA 1,16-1,17\nDOUBLESTAR 1,18-1,20\nNAME 1,20-1,21\nRPAR 1,21-1,22\nRARROW 1,23-1,25\nNAME 1,26-1,29\nCOLON 1,29-1,30\nNEWLINE 1,30-1,30\nINDENT 2,-1-2,-1\nNAME 2,4-2,10\nNAME 2,11-2,12\nNEWLINE 2,12-2,12\nDEDENT 2,-1-2,-1\nENDMARKER 2,-1-2,-1\n"),
    ("x = (1,\n     2)\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nLPAR 1,4-1,5\nNUMBER 1,5-1,6\nCOMMA 1,6-1,7\nNUMBER 2,5-2,6\nRPAR 2,6-2,7\nNEWLINE 2,7-2,7\nENDMARKER 2,-1-2,-1\n"),
    ("x = [\n  1,\n  2,\n]\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nLSQB 1,4-1,5\nNUMBER 2,2-2,3\nCOMMA 2,3-2,4\nNUMBER 3,2-3,3\nCOMMA 3,3-3,4\nRSQB 4,0-4,1\nNEWLINE 4,1-4,1\nENDMARKER 4,-1-4,-1\n"),
    ("x = 1 + \\\n    2\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,5\nPLUS 1,6-1,7\nNUMBER 2,4-2,5\nNEWLINE 2,5-2,5\nENDMARKER 2,-1-2,-1\n"),
    ("s = '''a\nb'''\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nSTRING 1,4-2,4\nNEWLINE 2,4-2,4\nENDMARKER 2,-1-2,-1\n"),
    ("s = 'a\\\nb'\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nSTRING 1,4-2,2\nNEWLINE 2,2-2,2\nENDMARKER 2,-1-2,-1\n"),
    ("s = rb'x' Rb\"y\" BR'z' u'w' U\"v\" f'a' F\"b\" fr'c' Rf'd' r'e'\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nSTRING 1,4-1,9\nSTRING 1,10-1,15\nSTRING 1,16-1,21\nSTRING 1,22-1,26\nSTRING 1,27-1,31\nSTRING 1,32-1,36\nSTRING 1,37-1,41\nSTRING 1,42-1,47\nSTRING 1,48-1,53\nSTRING 1,54-1,58\nNEWLINE 1,58-1,58\nENDMARKER 1,-1-1,-1\n"),
    ("x = ub'a'\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNAME 1,4-1,6\nSTRING 1,6-1,9\nNEWLINE 1,9-1,9\nENDMARKER 1,-1-1,-1\n"),
    ("x = 0x_1F + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + .5 + 5. + 1e10 + 3j + 1.5J + 0 + 00 + 0_0 + 09.5 + 0e1 + 0j\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,9\nPLUS 1,10-1,11\nNUMBER 1,12-1,16\nPLUS 1,17-1,18\nNUMBER 1,19-1,24\nPLUS 1,25-1,26\nNUMBER 1,27-1,32\nPLUS 1,33-1,34\nNUMBER 1,35-1,41\nPLUS 1,42-1,43\nNUMBER 1,44-1,46\nPLUS 1,47-1,48\nNUMBER 1,49-1,51\nPLUS 1,52-1,53\nNUMBER 1,54-1,58\nPLUS 1,59-1,60\nNUMBER 1,61-1,63\nPLUS 1,64-1,65\nNUMBER 1,66-1,70\nPLUS 1,71-1,72\nNUMBER 1,73-1,74\nPLUS 1,75-1,76\nNUMBER 1,77-1,79\nPLUS 1,80-1,81\nNUMBER 1,82-1,85\nPLUS 1,86-1,87\nNUMBER 1,88-1,92\nPLUS 1,93-1,94\nNUMBER 1,95-1,98\nPLUS 1,99-1,100\nNUMBER 1,101-1,103\nNEWLINE 1,103-1,103\nENDMARKER 1,-1-1,-1\n"),
    ("a //= b; a **= 2; a >>= 1; a <<= 1; a @= m; a -> b; a := 1; a != b; a <> b; ...; a.b\n", "NAME 1,0-1,1\nDOUBLESLASHEQUAL 1,2-1,5\nNAME 1,6-1,7\nSEMI 1,7-1,8\nNAME 1,9-1,10\nDOUBLESTAREQUAL 1,11-1,14\nNUMBER 1,15-1,16\nSEMI 1,16-1,17\nNAME 1,18-1,19\nRIGHTSHIFTEQUAL 1,20-1,23\nNUMBER 1,24-1,25\nSEMI 1,25-1,26\nNAME 1,27-1,28\nLEFTSHIFTEQUAL 1,29-1,32\nNUMBER 1,33-1,34\nSEMI 1,34-1,35\nNAME 1,36-1,37\nATEQUAL 1,38-1,40\nNAME 1,41-1,42\nSEMI 1,42-1,43\nNAME 1,44-1,45\nRARROW 1,46-1,48\nNAME 1,49-1,50\nSEMI 1,50-1,51\nNAME 1,52-1,53\nCOLONEQUAL 1,54-1,56\nNUMBER 1,57-1,58\nSEMI 1,58-1,59\nNAME 1,60-1,61\nNOTEQUAL 1,62-1,64\nNAME 1,65-1,66\nSEMI 1,66-1,67\nNAME 1,68-1,69\nNOTEQUAL 1,70-1,72\nNAME 1,73-1,74\nSEMI 1,74-1,75\nELLIPSIS 1,76-1,79\nSEMI 1,79-1,80\nNAME 1,81-1,82\nDOT 1,82-1,83\nNAME 1,83-1,84\nNEWLINE 1,84-1,84\nENDMARKER 1,-1-1,-1\n"),
    ("x = 1 # comment\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,5\nNEWLINE 1,6-1,15\nENDMARKER 1,-1-1,-1\n"),
    ("if x:\n  # comment\n\n  y\n", "NAME 1,0-1,2\nNAME 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 4,-1-4,-1\nNAME 4,2-4,3\nNEWLINE 4,3-4,3\nDEDENT 4,-1-4,-1\nENDMARKER 4,-1-4,-1\n"),
    ("if x:\n\ty\n\tz\n", "NAME 1,0-1,2\nNAME 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 2,-1-2,-1\nNAME 2,1-2,2\nNEWLINE 2,2-2,2\nNAME 3,1-3,2\nNEWLINE 3,2-3,2\nDEDENT 3,-1-3,-1\nENDMARKER 3,-1-3,-1\n"),
    ("\u{c}x = 1\n", "NAME 1,1-1,2\nEQUAL 1,3-1,4\nNUMBER 1,5-1,6\nNEWLINE 1,6-1,6\nENDMARKER 1,-1-1,-1\n"),
    ("if x:\n \u{c}   y\n", "NAME 1,0-1,2\nNAME 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 2,-1-2,-1\nNAME 2,5-2,6\nNEWLINE 2,6-2,6\nDEDENT 2,-1-2,-1\nENDMARKER 2,-1-2,-1\n"),
    ("x = $ ? ! `\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nOP 1,4-1,5\nOP 1,6-1,7\nOP 1,8-1,9\nOP 1,10-1,11\nNEWLINE 1,11-1,11\nENDMARKER 1,-1-1,-1\n"),
    ("x = 1if y else 2\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,5\nNAME 1,5-1,7\nNAME 1,8-1,9\nNAME 1,10-1,14\nNUMBER 1,15-1,16\nNEWLINE 1,16-1,16\nENDMARKER 1,-1-1,-1\n"),
    ("x = 0x1for\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,8\nNAME 1,8-1,10\nNEWLINE 1,10-1,10\nENDMARKER 1,-1-1,-1\n"),
    ("print(1 and 2, 1or 2, 1in x, 1is x, 1not in x)\n", "NAME 1,0-1,5\nLPAR 1,5-1,6\nNUMBER 1,6-1,7\nNAME 1,8-1,11\nNUMBER 1,12-1,13\nCOMMA 1,13-1,14\nNUMBER 1,15-1,16\nNAME 1,16-1,18\nNUMBER 1,19-1,20\nCOMMA 1,20-1,21\nNUMBER 1,22-1,23\nNAME 1,23-1,25\nNAME 1,26-1,27\nCOMMA 1,27-1,28\nNUMBER 1,29-1,30\nNAME 1,30-1,32\nNAME 1,33-1,34\nCOMMA 1,34-1,35\nNUMBER 1,36-1,37\nNAME 1,37-1,40\nNAME 1,41-1,43\nNAME 1,44-1,45\nRPAR 1,45-1,46\nNEWLINE 1,46-1,46\nENDMARKER 1,-1-1,-1\n"),
    ("class C:\n    def m(self):\n        pass\n\n\nx = 1\n", "NAME 1,0-1,5\nNAME 1,6-1,7\nCOLON 1,7-1,8\nNEWLINE 1,8-1,8\nINDENT 2,-1-2,-1\nNAME 2,4-2,7\nNAME 2,8-2,9\nLPAR 2,9-2,10\nNAME 2,10-2,14\nRPAR 2,14-2,15\nCOLON 2,15-2,16\nNEWLINE 2,16-2,16\nINDENT 3,-1-3,-1\nNAME 3,8-3,12\nNEWLINE 3,12-3,12\nDEDENT 6,-1-6,-1\nDEDENT 6,-1-6,-1\nNAME 6,0-6,1\nEQUAL 6,2-6,3\nNUMBER 6,4-6,5\nNEWLINE 6,5-6,5\nENDMARKER 6,-1-6,-1\n"),
    ("if x:\n  y\n\\\n  z\n", "NAME 1,0-1,2\nNAME 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 2,-1-2,-1\nNAME 2,2-2,3\nNEWLINE 2,3-2,3\nNAME 4,2-4,3\nNEWLINE 4,3-4,3\nDEDENT 4,-1-4,-1\nENDMARKER 4,-1-4,-1\n"),
    ("x=1\n\\\n    y = 2\n", "NAME 1,0-1,1\nEQUAL 1,1-1,2\nNUMBER 1,2-1,3\nNEWLINE 1,3-1,3\nINDENT 3,-1-3,-1\nNAME 3,4-3,5\nEQUAL 3,6-3,7\nNUMBER 3,8-3,9\nNEWLINE 3,9-3,9\nDEDENT 3,-1-3,-1\nENDMARKER 3,-1-3,-1\n"),
    ("match x:\n    case _:\n        pass\n", "NAME 1,0-1,5\nNAME 1,6-1,7\nCOLON 1,7-1,8\nNEWLINE 1,8-1,8\nINDENT 2,-1-2,-1\nNAME 2,4-2,8\nNAME 2,9-2,10\nCOLON 2,10-2,11\nNEWLINE 2,11-2,11\nINDENT 3,-1-3,-1\nNAME 3,8-3,12\nNEWLINE 3,12-3,12\nDEDENT 3,-1-3,-1\nDEDENT 3,-1-3,-1\nENDMARKER 3,-1-3,-1\n"),
    ("async def f():\n    await x\n", "ASYNC 1,0-1,5\nNAME 1,6-1,9\nNAME 1,10-1,11\nLPAR 1,11-1,12\nRPAR 1,12-1,13\nCOLON 1,13-1,14\nNEWLINE 1,14-1,14\nINDENT 2,-1-2,-1\nAWAIT 2,4-2,9\nNAME 2,10-2,11\nNEWLINE 2,11-2,11\nDEDENT 2,-1-2,-1\nENDMARKER 2,-1-2,-1\n"),
    ("x = {'a': [1, (2, 3)]}\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nLBRACE 1,4-1,5\nSTRING 1,5-1,8\nCOLON 1,8-1,9\nLSQB 1,10-1,11\nNUMBER 1,11-1,12\nCOMMA 1,12-1,13\nLPAR 1,14-1,15\nNUMBER 1,15-1,16\nCOMMA 1,16-1,17\nNUMBER 1,18-1,19\nRPAR 1,19-1,20\nRSQB 1,20-1,21\nRBRACE 1,21-1,22\nNEWLINE 1,22-1,22\nENDMARKER 1,-1-1,-1\n"),
    ("x = 1;\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,5\nSEMI 1,5-1,6\nNEWLINE 1,6-1,6\nENDMARKER 1,-1-1,-1\n"),
    ("@dec\ndef f(): pass\n", "AT 1,0-1,1\nNAME 1,1-1,4\nNEWLINE 1,4-1,4\nNAME 2,0-2,3\nNAME 2,4-2,5\nLPAR 2,5-2,6\nRPAR 2,6-2,7\nCOLON 2,7-2,8\nNAME 2,9-2,13\nNEWLINE 2,13-2,13\nENDMARKER 2,-1-2,-1\n"),
    ("x = '''\n\n'''\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nSTRING 1,4-3,3\nNEWLINE 3,3-3,3\nENDMARKER 3,-1-3,-1\n"),
    ("x = \"\"\"a\\\"\"\"\"\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nSTRING 1,4-1,13\nNEWLINE 1,13-1,13\nENDMARKER 1,-1-1,-1\n"),
    ("x = 'a' 'b'\\\n  'c'\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nSTRING 1,4-1,7\nSTRING 1,8-1,11\nSTRING 2,2-2,5\nNEWLINE 2,5-2,5\nENDMARKER 2,-1-2,-1\n"),
    ("if 1:\n    x = (\n  1)\n    y\n", "NAME 1,0-1,2\nNUMBER 1,3-1,4\nCOLON 1,4-1,5\nNEWLINE 1,5-1,5\nINDENT 2,-1-2,-1\nNAME 2,4-2,5\nEQUAL 2,6-2,7\nLPAR 2,8-2,9\nNUMBER 3,2-3,3\nRPAR 3,3-3,4\nNEWLINE 3,4-3,4\nNAME 4,4-4,5\nNEWLINE 4,5-4,5\nDEDENT 4,-1-4,-1\nENDMARKER 4,-1-4,-1\n"),
    ("x = 1  \\\n  # c\n", "NAME 1,0-1,1\nEQUAL 1,2-1,3\nNUMBER 1,4-1,5\nNEWLINE 2,2-2,5\nENDMARKER 2,-1-2,-1\n"),
    ("  # indented comment\nx\n", "NAME 2,0-2,1\nNEWLINE 2,1-2,1\nENDMARKER 2,-1-2,-1\n"),
];

/// (exec mode?, source, CPython's SyntaxError: kind, msg, lineno, offset,
/// end_lineno, end_offset, text).
#[rustfmt::skip]
const ERROR_CASES: &[ErrorCase] = &[
    (true, "x = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = \"abc"),
    (true, "x = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = \"abc"),
    (true, "x = '''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, "x = '''abc"),
    (true, "x = rb'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = rb'abc"),
    (true, "x = '''a\nb\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, "x = '''a"),
    (true, "x = 'abc\\", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = 'abc\\"),
    (true, "x = f'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = f'abc"),
    (true, "s = '\u{e9}\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "s = '\u{e9}"),
    (true, "s = \"\"\"\u{e9}\n\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5, "s = \"\"\"\u{e9}"),
    (true, "0x", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2, "0x"),
    (true, "0xg", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2, "0xg"),
    (true, "0x_", "SyntaxError", "invalid hexadecimal literal", 1, 3, 1, 3, "0x_"),
    (true, "0b12", "SyntaxError", "invalid digit '2' in binary literal", 1, 4, 1, 4, "0b12"),
    (true, "0b", "SyntaxError", "invalid binary literal", 1, 2, 1, 2, "0b"),
    (true, "0b_", "SyntaxError", "invalid binary literal", 1, 3, 1, 3, "0b_"),
    (true, "0b1_", "SyntaxError", "invalid binary literal", 1, 4, 1, 4, "0b1_"),
    (true, "0b1_2", "SyntaxError", "invalid digit '2' in binary literal", 1, 5, 1, 5, "0b1_2"),
    (true, "0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3, 1, 3, "0o8"),
    (true, "0o", "SyntaxError", "invalid octal literal", 1, 2, 1, 2, "0o"),
    (true, "0o1_8", "SyntaxError", "invalid digit '8' in octal literal", 1, 5, 1, 5, "0o1_8"),
    (true, "0o19", "SyntaxError", "invalid digit '9' in octal literal", 1, 4, 1, 4, "0o19"),
    (true, "012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2, "012"),
    (true, "0012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3, "0012"),
    (true, "0_1", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3, "0_1"),
    (true, "\u{e9} = 012", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, 1, 7, "\u{e9} = 012"),
    (true, "1_", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1_"),
    (true, "1__0", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1__0"),
    (true, "1e", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1, "1e"),
    (true, "1e+", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3, "1e+"),
    (true, "1e-x", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3, "1e-x"),
    (true, "1.e", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1.e"),
    (true, "1.__class__", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1.__class__"),
    (true, "1.5_", "SyntaxError", "invalid decimal literal", 1, 4, 1, 4, "1.5_"),
    (true, "1.2j_", "SyntaxError", "invalid imaginary literal", 1, 4, 1, 4, "1.2j_"),
    (true, "1jx", "SyntaxError", "invalid imaginary literal", 1, 2, 1, 2, "1jx"),
    (true, "1e5x", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3, "1e5x"),
    (true, "1andy", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1, "1andy"),
    (true, "0_", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "0_"),
    (true, "1_000_", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "1_000_"),
    (true, "0b1for_", "SyntaxError", "invalid binary literal", 1, 3, 1, 3, "0b1for_"),
    (true, "1_if", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2, "1_if"),
    (true, "x = $\u{e9}\u{20ac}", "SyntaxError", "invalid character '\u{20ac}' (U+20AC)", 1, 7, 1, 7, "x = $\u{e9}\u{20ac}"),
    (true, "a\u{20ac}", "SyntaxError", "invalid character '\u{20ac}' (U+20AC)", 1, 2, 1, 2, "a\u{20ac}"),
    (true, "\u{20ac}", "SyntaxError", "invalid character '\u{20ac}' (U+20AC)", 1, 1, 1, 1, "\u{20ac}"),
    (true, "_\u{20ac}", "SyntaxError", "invalid character '\u{20ac}' (U+20AC)", 1, 2, 1, 2, "_\u{20ac}"),
    (true, "a\u{a0}b", "SyntaxError", "invalid non-printable character U+00A0", 1, 2, 1, 2, "a\u{a0}b"),
    (true, "\u{a0}", "SyntaxError", "invalid non-printable character U+00A0", 1, 1, 1, 1, "\u{a0}"),
    (true, "a\u{200b}b", "SyntaxError", "invalid non-printable character U+200B", 1, 2, 1, 2, "a\u{200b}b"),
    (true, "x\u{200d}y", "SyntaxError", "invalid non-printable character U+200D", 1, 2, 1, 2, "x\u{200d}y"),
    (true, "\u{660}", "SyntaxError", "invalid character '\u{660}' (U+0660)", 1, 1, 1, 1, "\u{660}"),
    (true, "a\u{1f600}", "SyntaxError", "invalid character '\u{1f600}' (U+1F600)", 1, 2, 1, 2, "a\u{1f600}"),
    (true, "ab\u{378}", "SyntaxError", "invalid non-printable character U+0378", 1, 3, 1, 3, "ab\u{378}"),
    (true, "x = \u{2028}", "SyntaxError", "invalid non-printable character U+2028", 1, 5, 1, 5, "x = \u{2028}"),
    (true, "\u{1}", "SyntaxError", "invalid non-printable character U+0001", 1, 1, 1, 1, "\u{1}"),
    (true, "\u{7f}", "SyntaxError", "invalid non-printable character U+007F", 1, 1, 1, 1, "\u{7f}"),
    (true, "x = \u{b}", "SyntaxError", "invalid non-printable character U+000B", 1, 5, 1, 5, "x = \u{b}"),
    (true, "x = 1\u{1b}", "SyntaxError", "invalid non-printable character U+001B", 1, 6, 1, 6, "x = 1\u{1b}"),
    (true, "(]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 2, 1, 2, "(]"),
    (true, "(\n]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1, "]"),
    (true, "[\n\n}", "SyntaxError", "closing parenthesis '}' does not match opening parenthesis '[' on line 1", 3, 1, 3, 1, "}"),
    (true, ")", "SyntaxError", "unmatched ')'", 1, 1, 1, 1, ")"),
    (true, "x = ]", "SyntaxError", "unmatched ']'", 1, 5, 1, 5, "x = ]"),
    (true, "x = (1, 2))", "SyntaxError", "unmatched ')'", 1, 11, 1, 11, "x = (1, 2))"),
    (true, "{)", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '{'", 1, 2, 1, 2, "{)"),
    (true, "x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((", "SyntaxError", "too many nested parentheses", 1, 205, 1, 205, "x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("),
    (true, "x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((\n]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1, "]"),
    (true, "x = 1 \\ y", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0, "x = 1 \\ y\n"),
    (true, "x=1\n\\ y", "SyntaxError", "unexpected character after line continuation character", 2, 2, 2, 0, "\\ y\n"),
    (true, "x = 1 + \\\n  2 + \\ 3", "SyntaxError", "unexpected character after line continuation character", 2, 18, 2, 0, "x = 1 + \\\n  2 + \\ 3\n"),
    (true, "x = 1 + \\\n  2 + \\ 3\n\n", "SyntaxError", "unexpected character after line continuation character", 2, 18, 2, 0, "x = 1 + \\\n  2 + \\ 3\n"),
    (true, "\"\"\"a\nb\"\"\" + \\ 3", "SyntaxError", "unexpected character after line continuation character", 2, 14, 2, 0, "\"\"\"a\nb\"\"\" + \\ 3\n"),
    (true, "\"\u{e9}\" + \\ y", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0, "\"\u{e9}\" + \\ y\n"),
    (true, "x=1\n  \\ y", "SyntaxError", "unexpected character after line continuation character", 2, 4, 2, 0, "  \\ y\n"),
    (true, "x = 1 + \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1, "x = 1 + \\\n"),
    (true, "x = 1 + \\", "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1, "x = 1 + \\\n"),
    (true, "x = 1 + \\\n 2 + \\\n", "SyntaxError", "unexpected EOF while parsing", 2, 7, 2, -1, "x = 1 + \\\n 2 + \\\n"),
    (true, "x=1\n\\", "SyntaxError", "unexpected EOF while parsing", 2, 2, 2, -1, "\\\n"),
    (true, "if x:\n  y\n\\", "SyntaxError", "unexpected EOF while parsing", 3, 2, 3, -1, "\\\n"),
    (true, "(1 + \\", "SyntaxError", "'(' was never closed", 1, 1, 1, 0, "(1 + \\\n"),
    (true, "(1,\n", "SyntaxError", "'(' was never closed", 1, 1, 1, 0, "(1,\n"),
    (true, "(1,\n2", "SyntaxError", "'(' was never closed", 1, 1, 1, 0, "(1,"),
    (true, "x = (1,\n  [2,\n", "SyntaxError", "'[' was never closed", 2, 3, 2, 0, "  [2,\n"),
    (true, "x = {\n 'a': [\n", "SyntaxError", "'[' was never closed", 2, 7, 2, 0, " 'a': [\n"),
    (true, "\u{e9} = (\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "\u{e9} = (\n"),
    (true, "f(\u{e9},\n  1,", "SyntaxError", "'(' was never closed", 1, 2, 1, 0, "f(\u{e9},"),
    (true, "x = (1 +\n  2 +", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1 +"),
    (true, "if x:\n  y\n z", "IndentationError", "unindent does not match any outer indentation level", 3, 3, 3, -1, " z\n"),
    (true, "if x:\n    y\n  z\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1, "  z\n"),
    (true, "if x:\n    y = 1\n  \\\n    z = 2\n", "IndentationError", "unindent does not match any outer indentation level", 4, 10, 4, -1, "    z = 2\n"),
    (true, "if x:\n  \u{e9} = 1\n \u{e9} = 2\n", "IndentationError", "unindent does not match any outer indentation level", 3, 7, 3, -1, " \u{e9} = 2\n"),
    (true, "if x:\n\ty\n        z", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "        z\n"),
    (true, "if x:\n        y\n\tz", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "\tz\n"),
    (true, "if x:\n  y\n\tz", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "\tz\n"),
    (true, "if x:\n\tif y:\n\t\tz\n  \tw\n", "TabError", "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0, "  \tw\n"),
    (true, "if x:\n \ty\n\t z\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "\t z\n"),
    (true, "if x:\n if x:\n  if x:\n   if x:\n    if x:\n     if x:\n      if x:\n       if x:\n        if x:\n         if x:\n          if x:\n           if x:\n            if x:\n             if x:\n              if x:\n               if x:\n                if x:\n                 if x:\n                  if x:\n                   if x:\n                    if x:\n                     if x:\n                      if x:\n                       if x:\n                        if x:\n                         if x:\n                          if x:\n                           if x:\n                            if x:\n                             if x:\n                              if x:\n                               if x:\n                                if x:\n                                 if x:\n                                  if x:\n                                   if x:\n                                    if x:\n                                     if x:\n                                      if x:\n                                       if x:\n                                        if x:\n                                         if x:\n                                          if x:\n                                           if x:\n                                            if x:\n                                             if x:\n                                              if x:\n                                               if x:\n                                                if x:\n                                                 if x:\n                                                  if x:\n                                                   if x:\n                                                    if x:\n                                                     if x:\n                                                      if x:\n                                                       if x:\n                                                        if x:\n                                                         if x:\n                                                          if x:\n                                                           if x:\n                                                            if x:\n                                                             if x:\n                                                              if x:\n                                                               if x:\n                                                                if x:\n                                                                 if x:\n                                                                  if x:\n                                                                   if x:\n                                                                    if x:\n                                                                     if x:\n                                                                      if x:\n                                                                       if x:\n                                                                        if x:\n                                                                         if x:\n                                                                          if x:\n                                                                           if x:\n                                                                            if x:\n                                                                             if x:\n                                                                              if x:\n                                                                               if x:\n                                                                                if x:\n                                                                                 if x:\n                                                                                  if x:\n                                                                                   if x:\n                                                                                    if x:\n                                                                                     if x:\n                                                                                      if x:\n                                                                                       if x:\n                                                                                        if x:\n                                                                                         if x:\n                                                                                          if x:\n                                                                                           if x:\n                                                                                            if x:\n                                                                                             if x:\n                                                                                              if x:\n                                                                                               if x:\n                                                                                                if x:\n                                                                                                 if x:\n                                                                                                  if x:\n                                                                                                   if x:\n                                                                                                    pass\n", "IndentationError", "too many levels of indentation", 101, 1, 101, 0, "                                                                                                    pass\n"),
    (false, "\"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1, 1, 1, "\"abc"),
    (false, "(1,", "SyntaxError", "'(' was never closed", 1, 1, 1, 0, "(1,"),
    (false, "1 + \\", "SyntaxError", "unexpected character after line continuation character", 1, 5, 1, 0, "1 + \\"),
    (false, "1 \\ 2", "SyntaxError", "unexpected character after line continuation character", 1, 4, 1, 0, "1 \\ 2"),
    (false, "(1,\n2", "SyntaxError", "'(' was never closed", 1, 1, 1, 0, "(1,"),
    (false, "0x", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2, "0x"),
    (false, "1 + (", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "1 + ("),
    (false, "[\n1,\n", "SyntaxError", "'[' was never closed", 1, 1, 1, 0, "["),
];
// END GENERATED

#[test]
fn token_streams_match_cpython() {
    for (src, expected) in TOKEN_CASES {
        let r = tokenize(src);
        assert_eq!(r.error, None, "{src:?}");
        assert_eq!(dump_tokens(src, &r.tokens), *expected, "{src:?}");
    }
}

#[test]
fn errors_match_cpython() {
    for &(exec, src, kind, msg, lineno, offset, end_lineno, end_offset, text) in ERROR_CASES {
        let opts = TokenizeOptions {
            exec_input: exec,
            char_offsets: true,
        };
        let r = tokenize_with(src, opts);
        let e = r.error.unwrap_or_else(|| panic!("no error for {src:?}"));
        let off = |o: u32| {
            if o == OFFSET_MINUS_ONE {
                -1
            } else {
                i64::from(o)
            }
        };
        let got = (
            e.kind.name(),
            e.msg.as_str(),
            e.lineno,
            off(e.offset),
            e.end_lineno,
            off(e.end_offset),
        );
        assert_eq!(
            got,
            (kind, msg, lineno, offset, end_lineno, end_offset),
            "{src:?}"
        );
        assert_eq!(e.text.as_deref(), Some(text), "{src:?}");
    }
}

/// CPython's name for a token kind (keywords are NAME tokens there).
fn kind_name(t: Tok) -> String {
    match t {
        Tok::NotEqualBarry => "NOTEQUAL".into(),
        Tok::ErrorOp => "OP".into(),
        Tok::Async | Tok::Await => format!("{t:?}").to_uppercase(),
        k if k.is_keyword() => "NAME".into(),
        k => format!("{k:?}").to_uppercase(),
    }
}

/// One line per token: `KIND line,col-line,col` in characters (col -1 for
/// none), as CPython 3.12's `_tokenize.TokenizerIter` reports them.
fn dump_tokens(src: &str, toks: &[Token]) -> String {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out = String::new();
    for t in toks {
        let line = |l: u32| lines.get(l as usize - 1).copied().unwrap_or("");
        let col = |l: u32, c: u32| {
            if c == NO_COL {
                -1
            } else {
                line(l)
                    .get(..c as usize)
                    .map_or(i64::from(c), |p| p.chars().count() as i64)
            }
        };
        out.push_str(&format!(
            "{} {},{}-{},{}\n",
            kind_name(t.kind),
            t.lineno,
            col(t.lineno, t.col),
            t.end_lineno,
            col(t.end_lineno, t.end_col)
        ));
    }
    out
}

/// The error as `Kind msg lineno offset end_lineno end_offset text`.
fn dump_error(e: &SyntaxError) -> String {
    let off = |o: u32| {
        if o == OFFSET_MINUS_ONE {
            -1
        } else {
            i64::from(o)
        }
    };
    format!(
        "{} {:?} {} {} {} {} {:?}",
        e.kind.name(),
        e.msg,
        e.lineno,
        off(e.offset),
        e.end_lineno,
        off(e.end_offset),
        e.text
    )
}

/// Tokenizes the files listed in `$KAA_TOK_LIST` and writes their token
/// streams to `$KAA_TOK_OUT` (for differential runs against CPython).
#[test]
#[ignore]
fn dump_files_from_env() {
    let (Ok(list), Ok(out)) = (std::env::var("KAA_TOK_LIST"), std::env::var("KAA_TOK_OUT")) else {
        return;
    };
    let mut res = String::new();
    for path in std::fs::read_to_string(list).unwrap_or_default().lines() {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(text) = crate::source::decode(&bytes) else {
            res.push_str(&format!("=== {path}\nDECODE-ERROR\n"));
            continue;
        };
        let r = tokenize(&text);
        res.push_str(&format!("=== {path}\n"));
        res.push_str(&dump_tokens(&text, &r.tokens));
        if let Some(e) = &r.error {
            res.push_str(&format!("ERROR {}\n", dump_error(e)));
        }
    }
    let _ = std::fs::write(out, res);
}

/// A JSON string literal (for the differential dumps).
fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Tokenizes the cases in `$KAA_CASES_IN` (separated by "\x01\n"; a case
/// starting with "\x02" is tokenized in eval mode) and writes one JSON line
/// per case to `$KAA_CASES_OUT`: `[tokens, error-or-null, deferred]`.
#[test]
#[ignore]
fn dump_cases_from_env() {
    let (Ok(input), Ok(out)) = (
        std::env::var("KAA_CASES_IN"),
        std::env::var("KAA_CASES_OUT"),
    ) else {
        return;
    };
    let input = std::fs::read_to_string(input).unwrap_or_default();
    let mut res = String::new();
    for case in input.split("\x01\n") {
        let (src, opts) = match case.strip_prefix('\x02') {
            Some(rest) => (
                rest,
                TokenizeOptions {
                    exec_input: false,
                    char_offsets: true,
                },
            ),
            None => (case, TokenizeOptions::default()),
        };
        let src = &*crate::source::normalize_newlines(src);
        let r = tokenize_with(src, opts);
        let toks: Vec<String> = dump_tokens(src, &r.tokens).lines().map(json_str).collect();
        let err = match &r.error {
            None => "null".to_string(),
            Some(e) => {
                let off = |o: u32| {
                    if o == OFFSET_MINUS_ONE {
                        -1
                    } else {
                        i64::from(o)
                    }
                };
                format!(
                    "[{}, {}, {}, {}, {}, {}, {}]",
                    json_str(e.kind.name()),
                    json_str(&e.msg),
                    e.lineno,
                    off(e.offset),
                    e.end_lineno,
                    off(e.end_offset),
                    e.text.as_deref().map_or("null".to_string(), json_str)
                )
            }
        };
        res.push_str(&format!(
            "[[{}], {}, {}]\n",
            toks.join(", "),
            err,
            r.error_is_deferred()
        ));
    }
    let _ = std::fs::write(out, res);
}

/// Writes unicode-ident's XID_Start / XID_Continue sets to `$KAA_XID_OUT`
/// (to compare them with CPython 3.11's Unicode 14.0.0).
#[test]
#[ignore]
fn dump_xid_from_env() {
    let Ok(out) = std::env::var("KAA_XID_OUT") else {
        return;
    };
    let mut res = String::new();
    for cp in 0..0x110000u32 {
        if let Some(c) = char::from_u32(cp) {
            if unicode_ident::is_xid_start(c) || unicode_ident::is_xid_continue(c) {
                res.push_str(&format!(
                    "{cp} {} {}\n",
                    u8::from(unicode_ident::is_xid_start(c)),
                    u8::from(unicode_ident::is_xid_continue(c))
                ));
            }
        }
    }
    let _ = std::fs::write(out, res);
}

/// The tokenizer state pegen reads for errors at tokens without a column:
/// expectations from CPython 3.11.7's errors at INDENT and ENDMARKER tokens
/// (e.g. `compile("if x:\n", ...)`: "expected an indented block" at line 1,
/// offset 6, text "if x:\n").
#[test]
fn state_after_matches_cpython_error_locations() {
    // (exec mode?, source, index of the token, lineno, cur_col, error text)
    let cases: &[(bool, &str, usize, u32, i64, &str)] = &[
        (true, "if x:\n", 4, 1, 6, "if x:\n"),
        (true, "if x:", 4, 1, 6, "if x:\n"),
        (true, "if x:\n\n# c\n", 4, 3, 4, "# c\n"),
        (true, "if x:\n\n# c", 4, 3, 4, "# c\n"),
        (true, "x = 1\n  \\\ny = 2\n", 4, 3, 0, "y = 2\n"),
        (true, "x=1\n\\\n    y = 2", 4, 3, 4, "    y = 2\n"),
        (false, "  1", 0, 1, 2, "  1"),
    ];
    for &(exec, src, index, lineno, col, text) in cases {
        let opts = TokenizeOptions {
            exec_input: exec,
            char_offsets: true,
        };
        let st = state_after(src, opts, index);
        assert_eq!((st.lineno, st.cur_col()), (lineno, col), "{src:?}");
        assert_eq!(st.error_line(src, exec, lineno), text, "{src:?}");
    }
}

#[test]
fn kinds_of_keywords_and_operators() {
    let r = tokenize("if match _ <> $ ? ! ` await async None True lambda\n");
    let kinds: Vec<Tok> = r.tokens.iter().map(|t| t.kind).collect();
    use Tok::*;
    assert_eq!(
        kinds,
        [
            If,
            Name,
            Name,
            NotEqualBarry,
            ErrorOp,
            ErrorOp,
            ErrorOp,
            ErrorOp,
            Await,
            Async,
            None,
            True,
            Lambda,
            Newline,
            EndMarker
        ]
    );
}

#[test]
fn non_ascii_names_use_byte_columns() {
    // CPython 3.11.7: ast col_offset/end_col_offset are UTF-8 byte offsets
    // (`ast.parse("é = ñ_1").body[0].value.end_col_offset == 9`).
    let r = tokenize("é = ñ_1");
    let cols: Vec<(u32, u32)> = r
        .tokens
        .iter()
        .take(3)
        .map(|t| (t.col, t.end_col))
        .collect();
    assert_eq!(cols, [(0, 2), (3, 4), (5, 9)]);
}

#[test]
fn numbers_followed_by_keywords_warn() {
    // CPython 3.11.7 warns "invalid decimal literal" (SyntaxWarning) for
    // `1if`; with warnings as errors: SyntaxError at line 1, offset 5.
    let r = tokenize("x = 1if 1else 2");
    assert_eq!(r.error, None);
    let w: Vec<(&str, u32, u32)> = r
        .warnings()
        .iter()
        .map(|w| (w.msg.as_str(), w.as_error.lineno, w.as_error.offset))
        .collect();
    assert_eq!(
        w,
        [
            ("invalid decimal literal", 1, 5),
            ("invalid decimal literal", 1, 9)
        ]
    );
    let kinds: Vec<Tok> = r.tokens.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds[2..7],
        [Tok::Number, Tok::If, Tok::Number, Tok::Else, Tok::Number]
    );
}

#[test]
fn deferred_errors_and_open_brackets() {
    let r = tokenize("x = (1, [2,\n");
    assert!(r.error_is_deferred());
    let open: Vec<(char, u32, u32)> = r
        .open_parens
        .iter()
        .map(|p| (p.ch, p.lineno, p.col))
        .collect();
    assert_eq!(open, [('(', 1, 4), ('[', 1, 8)]);
    assert!(tokenize("if x:\n  y\n z\n").error_is_deferred());
    assert!(tokenize("x = 1 \\ 2").error_is_deferred());
    assert!(!tokenize("x = 0b2").error_is_deferred());
    assert!(!tokenize("x = (]").error_is_deferred());
    assert!(!tokenize("x = 1").error_is_deferred());
}

#[test]
fn null_bytes_stop_at_their_line() {
    // `python3 f.py` with "x = 1\ny = 2\0 + 3\nz\n": "source code cannot
    // contain null bytes", line 2, offset 0, end offset 0, text "y = 2".
    let r = tokenize("x = 1\ny = 2\0 + 3\nz\n");
    let e = r.error.expect("an error");
    assert_eq!(
        (e.msg.as_str(), e.lineno, e.offset, e.end_offset),
        ("source code cannot contain null bytes", 2, 0, 0)
    );
    assert_eq!(e.text.as_deref(), Some("y = 2"));
    assert_eq!(r.tokens.len(), 4);
}

#[test]
fn no_panics_on_odd_input() {
    let samples = [
        "\\",
        "\\\n",
        "'",
        "'''",
        "\"\"\"\\",
        "0",
        "0x",
        "0b_",
        "1e+",
        ".",
        "..",
        "(",
        ")",
        "\t",
        " \t\x0c",
        "\r",
        "\0",
        "é",
        "\u{feff}",
        "if 1:\n\t\x0c  x\n",
        "\n\n\n   \\\n",
        "#",
        "x\\",
        "\u{10ffff}",
        "0_0_",
        "0o_",
        "1.e5j",
        "[{(",
        "}])",
    ];
    for s in samples {
        for exec in [true, false] {
            let _ = tokenize_with(
                s,
                TokenizeOptions {
                    exec_input: exec,
                    char_offsets: exec,
                },
            );
            for i in 0..4 {
                let _ = state_after(s, TokenizeOptions::default(), i);
            }
        }
    }
}

/// Tokenizes every `.py` file of CPython 3.11's library (decoded as
/// `compile(bytes)` does) and checks that the files it rejects are exactly
/// the ones `compile()` rejects with a tokenizer error, with the same
/// message and location.
#[test]
fn stdlib_files() {
    let root = std::path::Path::new("/root/.pyenv/versions/3.11.7/lib/python3.11");
    if !root.is_dir() {
        return;
    }
    let mut stack = vec![root.to_path_buf()];
    let (mut files, mut failed) = (0, Vec::new());
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                files += 1;
                let Ok(d) = crate::source::decode_source(&bytes) else {
                    continue;
                };
                let opts = TokenizeOptions {
                    exec_input: true,
                    char_offsets: d.char_offsets,
                };
                if let Some(e) = tokenize_with(&d.text, opts).error {
                    let off = |o: u32| {
                        if o == OFFSET_MINUS_ONE {
                            -1
                        } else {
                            i64::from(o)
                        }
                    };
                    let loc = (e.lineno, off(e.offset), e.end_lineno, off(e.end_offset));
                    let line = format!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        e.kind.name(),
                        e.msg,
                        loc.0,
                        loc.1,
                        loc.2,
                        loc.3
                    );
                    failed.push((path.display().to_string(), line));
                }
            }
        }
    }
    eprintln!(
        "tokenized {files} files, {} with a tokenizer error",
        failed.len()
    );
    // Ask CPython about the rejected files, if it is here.
    let script = "import sys, warnings\nwarnings.simplefilter('ignore')\nfor p in sys.argv[1:]:\n    try:\n        compile(open(p, 'rb').read(), p, 'exec')\n        print('OK')\n    except SyntaxError as e:\n        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, sep='\\t')\n";
    let Ok(out) = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(failed.iter().map(|(p, _)| p))
        .output()
    else {
        return;
    };
    let cpython = String::from_utf8_lossy(&out.stdout);
    for ((path, mine), theirs) in failed.iter().zip(cpython.lines()) {
        assert_eq!(mine, theirs, "{path}");
    }
}

/// Plain bytes input (`compile(b"...")`, no declared encoding): pegen keeps
/// byte columns for the errors it locates, while the tokenizer's own errors
/// still count characters. Expectations from CPython 3.11.7.
#[test]
fn byte_columns_for_plain_bytes_input() {
    let opts = TokenizeOptions {
        exec_input: true,
        char_offsets: false,
    };
    let cases: &[(&str, &str, u32, i64, u32, i64, &str)] = &[
        (
            "é = 0b2",
            "invalid digit '2' in binary literal",
            1,
            7,
            1,
            7,
            "é = 0b2",
        ),
        ("é = (\n", "'(' was never closed", 1, 6, 1, 0, "é = (\n"),
        (
            "é = 1 \\ 2",
            "unexpected character after line continuation character",
            1,
            9,
            1,
            0,
            "é = 1 \\ 2\n",
        ),
        (
            "if x:\n  é\n é\n",
            "unindent does not match any outer indentation level",
            3,
            4,
            3,
            -1,
            " é\n",
        ),
    ];
    for &(src, msg, lineno, offset, end_lineno, end_offset, text) in cases {
        let e = tokenize_with(src, opts)
            .error
            .unwrap_or_else(|| panic!("no error for {src:?}"));
        let off = |o: u32| {
            if o == OFFSET_MINUS_ONE {
                -1
            } else {
                i64::from(o)
            }
        };
        let got = (
            e.msg.as_str(),
            e.lineno,
            off(e.offset),
            e.end_lineno,
            off(e.end_offset),
        );
        assert_eq!(
            got,
            (msg, lineno, offset, end_lineno, end_offset),
            "{src:?}"
        );
        assert_eq!(e.text.as_deref(), Some(text), "{src:?}");
    }
}

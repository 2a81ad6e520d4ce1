"""The code tables of the domain: item kinds, delegation modes, levels, statuses, penalty types.

Every table is data: one row per value with its English key, Chinese name and accepted aliases. Parsing,
labels (zh/en), ordering and the JSON Schema enums are all derived from these rows, never hard-coded elsewhere.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Code:
    """One row of a code table: `key` is what the library stores; `zh` the Chinese label."""

    key: str
    zh: str
    en: str
    aliases: tuple[str, ...] = field(default=())
    number: str = ""  # the platform's two-digit code (kinds only)
    abbr: str = ""  # the platform's abbreviation (kinds only)

    def spellings(self) -> tuple[str, ...]:
        """Every spelling a catalog may use for this value."""
        out = [self.key, self.zh, *self.aliases]
        out += [s for s in (self.number, self.abbr) if s]
        return tuple(dict.fromkeys(out))


KINDS: tuple[Code, ...] = (
    Code("licensing", "行政许可", "Licensing", ("许可",), "01", "XK"),
    Code("penalty", "行政处罚", "Penalty", ("处罚",), "02", "CF"),
    Code("coercion", "行政强制", "Administrative coercion", ("强制",), "03", "QZ"),
    Code("levy", "行政征收", "Levy", ("征收",), "04", "ZS"),
    Code("benefit", "行政给付", "Benefit", ("给付",), "05", "GF"),
    Code("inspection", "行政检查", "Inspection", ("检查",), "06", "JC"),
    Code("confirmation", "行政确认", "Confirmation", ("确认",), "07", "QR"),
    Code("reward", "行政奖励", "Reward", ("奖励",), "08", "JL"),
    Code("adjudication", "行政裁决", "Adjudication", ("裁决",), "09", "CJ"),
    Code("other", "其他行政权力", "Other administrative power", ("其他权力", "其他"), "10", "QT"),
    Code("public_service", "公共服务", "Public service", ("服务", "公共服务事项"), "20", "FW"),
)

MODES: tuple[Code, ...] = (
    Code("grant", "赋权", "Grant", ("下放", "赋予")),
    Code("entrust", "委托", "Entrust", ("委托实施",)),
    Code("authorize", "授权", "Authorize", ("法定授权",)),
    Code("assist", "帮办代办", "Assist", ("帮办", "代办", "受理转报")),
    Code("extend", "延伸", "Extend", ("下沉", "延伸办理", "窗口延伸")),
)

#: modes whose delegation must cite a published document (decision, agreement or law)
MODES_NEEDING_BASIS = frozenset({"grant", "entrust", "authorize"})

#: how a village service station (村级便民服务站) handles an item
STATION_MODES: tuple[Code, ...] = (
    Code("direct", "直办", "Handled at the station"),
    Code("proxy", "代办", "Handled for the applicant"),
    Code("cooperate", "协办", "Assisting the township or county"),
)
#: the station's way for an item a township hands its villages: a window extended (延伸) is handled there, an
#: item received and forwarded (帮办代办) is handled for the applicant; the rest of the village's assist work
#: on power items is 协办
STATION_MODE_OF = {"extend": "direct", "assist": "proxy"}

LEVELS: tuple[Code, ...] = (
    Code("province", "省级", "Province", ("省",)),
    Code("city", "市级", "City", ("市", "地市")),
    Code("county", "县级", "County", ("县", "区", "县区")),
    Code("township", "乡镇级", "Township", ("乡镇", "街道", "镇", "乡")),
    Code("village", "村级", "Village", ("村", "社区")),
)

STATUSES: tuple[Code, ...] = (
    Code("active", "有效", "Active", ("在用", "实施中")),
    Code("suspended", "暂停", "Suspended", ("暂停实施",)),
    Code("abolished", "取消", "Abolished", ("已取消", "废止")),
)

#: the state of a list document (`list.status`): a draft is left out of `dlists export` unless asked for
LIST_STATUSES: tuple[Code, ...] = (
    Code("published", "正式", "Published", ("已发布", "发布", "正式稿", "final")),
    Code("draft", "草案", "Draft", ("草稿", "征求意见稿", "送审稿", "讨论稿")),
)

#: the three parts of a township duty list (乡镇履行职责事项清单)
PARTS: tuple[Code, ...] = (
    Code("basic", "基本履职事项", "Basic duties", ("基本", "基本履职", "基本事项")),
    Code("cooperate", "配合履职事项", "Cooperating duties", ("配合", "配合履职", "配合事项")),
    Code("recalled", "上级部门收回事项", "Recalled by county departments", ("收回", "收回事项", "上级收回", "上级部门收回")),
    # the parts of a village's (community's) list (村级组织工作事项清单; 厅字〔2022〕28号)
    Code("autonomy", "依法自治事项", "Self-governance duties", ("依法履职事项", "依法履职（自治）事项", "依法自治", "自治事项",
                                                              "自治", "依法履职")),
    Code("assist", "协助政府工作事项", "Assisting the government", ("协助政府工作", "协助事项", "协助", "协助工作事项")),
    Code("certificate", "出具证明事项", "Certificates issued", ("出具证明", "证明事项", "证明")),
    Code("negative", "负面事项", "Negative list (not to be put on villages)", ("负面清单", "负面清单事项", "负面", "禁止事项")),
    Code("micro_power", "小微权力事项", "Village micro-powers", ("小微权力", "小微权力清单", "村级小微权力")),
)
#: the parts of a township's duty list and of a village's list
TOWNSHIP_PARTS = ("basic", "cooperate", "recalled")
VILLAGE_PARTS = ("autonomy", "assist", "certificate", "negative", "micro_power")

PENALTY_TYPES: tuple[Code, ...] = tuple(
    Code(zh, zh, en)
    for zh, en in (
        ("警告", "Warning"),
        ("通报批评", "Public criticism"),
        ("罚款", "Fine"),
        ("没收违法所得", "Confiscation of illegal gains"),
        ("没收非法财物", "Confiscation of illegal property"),
        ("暂扣许可证件", "Temporary suspension of permit"),
        ("降低资质等级", "Downgrading of qualification"),
        ("吊销许可证件", "Revocation of permit"),
        ("限制开展生产经营活动", "Restriction of business activities"),
        ("责令停产停业", "Order to suspend production or business"),
        ("责令关闭", "Order to close"),
        ("限制从业", "Restriction of employment"),
        ("行政拘留", "Administrative detention"),
    )
)

#: the penalty that restricts personal liberty; it stays with public security organs (行政处罚法 art. 18)
DETENTION = "行政拘留"


def closest(rows: tuple[Code, ...], written: str) -> Code | None:
    """The row a misspelt value most likely meant (`confirmaton` -> confirmation, `委拖` -> 委托), compared with
    every spelling of every row character by character; None when nothing is close."""
    text = written.strip().lower()
    if not text:
        return None
    best: tuple[float, Code] | None = None
    for row in rows:
        for spelling in row.spellings():
            ratio = difflib.SequenceMatcher(None, text, spelling.lower()).ratio()
            wide = any(ord(ch) > 0x2E80 for ch in spelling)
            if ratio >= (0.5 if wide and len(spelling) <= 4 else 0.75) and (best is None or ratio > best[0]):
                best = (ratio, row)
    return best[1] if best else None


def lookup_table(rows: tuple[Code, ...]) -> dict[str, str]:
    """Map every spelling (case-insensitive for Latin letters) to the row's key."""
    table: dict[str, str] = {}
    for row in rows:
        for spelling in row.spellings():
            table[spelling] = row.key
            table[spelling.lower()] = row.key
    return table


KIND_LOOKUP = lookup_table(KINDS)
MODE_LOOKUP = lookup_table(MODES)
LEVEL_LOOKUP = lookup_table(LEVELS)
STATUS_LOOKUP = lookup_table(STATUSES)
LIST_STATUS_LOOKUP = lookup_table(LIST_STATUSES)
PENALTY_LOOKUP = lookup_table(PENALTY_TYPES)
PART_LOOKUP = lookup_table(PARTS)
PART_BY_KEY = {row.key: row for row in PARTS}

KIND_ORDER = {row.key: i for i, row in enumerate(KINDS)}
LEVEL_ORDER = {row.key: i for i, row in enumerate(LEVELS)}
KIND_BY_KEY = {row.key: row for row in KINDS}
MODE_BY_KEY = {row.key: row for row in MODES}

#: the fields of catalog files with their Chinese names (the column names analysts know them by); messages show
#: a field as `promised_days`（承诺时限）in Chinese, and a Chinese name written as a key gets a did-you-mean
FIELDS: tuple[Code, ...] = (
    Code("code", "事项编码", "code", ("编码", "实施编码", "事项代码", "基本编码")),
    Code("source", "承接来源", "source", ("来源事项", "源事项")),
    Code("name", "事项名称", "name", ("名称", "项目名称", "子项名称", "职权名称")),
    Code("kind", "事项类型", "kind", ("类型", "事项类别", "权力类型", "职权类别")),
    Code("department", "实施部门", "department", ("部门", "主管部门", "实施机关", "实施主体", "责任部门")),
    Code("legal_basis", "设定依据", "legal basis", ("依据", "实施依据", "法律依据", "法定依据")),
    Code("statutory_days", "法定时限", "statutory time limit", ("法定办结时限", "法定期限")),
    Code("promised_days", "承诺时限", "promised time limit", ("承诺办结时限", "承诺期限")),
    Code("status", "状态", "status", ("事项状态",)),
    Code("mode", "承接方式", "mode", ("下放方式", "方式")),
    Code("delegation", "下放", "delegation", ("下放情况",)),
    Code("to", "下放对象", "delegated to", ("承接主体", "实施范围", "承接范围")),
    Code("basis", "下放依据", "basis", ("下放文件", "委托协议")),
    Code("scope", "权限范围", "scope", ("下放范围",)),
    Code("since", "下放日期", "since", ("下放时间",)),
    Code("until", "委托期限", "term ends", ("委托期限至", "有效期至", "委托截止日期", "下放期限")),
    Code("review", "评估日期", "review date", ("评估时间", "下次评估日期", "评估期限")),
    Code("main_item", "主项名称", "main item", ("主项",)),
    Code("materials", "申请材料", "materials", ("材料",)),
    Code("service_objects", "服务对象", "service objects", ()),
    Code("online", "网上办理", "online", ("是否网办",)),
    Code("notes", "备注", "notes", ("说明",)),
    Code("effective", "生效日期", "effective", ()),
    Code("expires", "失效日期", "expires", ()),
    Code("violation", "违法行为", "violation", ()),
    Code("penalty_types", "处罚种类", "penalty types", ()),
    Code("discretion", "裁量基准", "discretion", ()),
    Code("waive", "豁免", "waive", ()),
    Code("waive_reason", "豁免理由", "waive reason", ()),
    Code("jurisdiction", "辖区", "jurisdiction", ("行政区划",)),
    Code("level", "层级", "level", ()),
    Code("title", "标题", "title", ("清单名称",)),
    Code("version", "版本", "version", ()),
    Code("attachment", "附件", "attachment", ("附件号", "附件序号")),
    Code("issuer", "发布单位", "issuer", ("发布机关", "印发单位", "制发单位")),
    Code("date", "发布日期", "date", ("印发日期", "发布时间")),
    Code("region", "区划", "region", ()),
    Code("children", "下级", "children", ()),
    Code("departments", "部门", "departments", ()),
    Code("short", "简称", "short name", ()),
    Code("condition", "情形", "condition", ()),
    Code("standard", "标准", "standard", ()),
    Code("duties", "履职事项", "duties", ("职责事项",)),
    Code("part", "事项类别", "part", ("类别", "履职类别")),
    Code("domain", "领域", "domain", ("职责领域", "所属领域")),
    Code("office", "承办机构", "office", ("责任科室", "承办科室")),
    Code("lead", "牵头部门", "lead department", ("县级牵头部门", "主责部门")),
    Code("lead_duty", "部门职责", "department's duty", ("县级部门职责",)),
    Code("duty", "乡镇配合职责", "township's duty", ("配合职责",)),
    Code("taken_by", "承接部门", "taken by", ("收回部门",)),
    Code("how", "工作方式", "how", ("履职方式",)),
    Code("item", "对应权力事项", "power item", ("权力事项",)),
    Code("guide", "指导目录", "guide", ()),
    Code("required", "规定事项", "required", ("是否规定",)),
    Code("offices", "内设机构", "offices", ()),
    Code("admitted", "准入", "admitted", ("准入情况", "准入依据", "准入文号")),
    Code("date", "日期", "date", ("准入日期", "时间")),
    Code("applicant", "申请部门", "applicant", ("申请单位",)),
    Code("flow", "运行流程", "flow", ("流程", "办理流程", "权力运行流程")),
)
FIELD_BY_KEY = {row.key: row for row in FIELDS}
#: a Chinese column name -> the field (the first row naming it: `部门` is an item's department)
FIELD_LOOKUP = dict(reversed([(s, row.key) for row in FIELDS for s in (row.zh, *row.aliases)]))
LABEL_TABLES: dict[str, tuple[Code, ...]] = {"kind": KINDS, "mode": MODES, "level": LEVELS, "status": STATUSES, "field": FIELDS,
                                             "part": PARTS}

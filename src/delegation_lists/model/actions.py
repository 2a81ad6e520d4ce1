"""What a service item does: the action word its name ends in (a Chinese item name puts its head last: 新办, 变更,
延续, 补办, 换发, 注销, 查询, 备案, 审批, 发放, 认定, 指导). Two items doing different actions are two items
(残疾人证补办 is not 残疾人证换领, 村民委员会选举指导 is not 村民委员会换届选举备案), and the words of one action are one
word to the name scorer (补发, 补领 and 遗失补办 all reissue).

A name's actions are the action words outside its brackets (`个体工商户变更登记（备案）` changes; a compound name,
`孤儿救助资格认定及基本生活费发放`, does both), else those inside them (`护士执业注册（首次）` issues). 申领, 申请 (apply
for) goes with the actions that give what is applied for (issue, pay, approve, confirm), and issuing a licence is
approving it (小餐饮经营许可证核发 is 小餐饮经营许可). 许可证 is a thing, not an action. Words any action is written
with (办理, 申报, 登记, 服务) are no action: they neither separate items nor join them.
"""

from __future__ import annotations

import re

#: action -> the words that say it
ACTIONS: dict[str, tuple[str, ...]] = {
    "issue": ("首次申领", "首次申报", "初次申领", "注册登记", "设立登记", "核发", "新办", "首次", "初次", "初领", "新设", "设立"),
    "apply": ("申领", "申请"),
    "change": ("信息变更", "变更", "更正"),
    "renew": ("延续", "续期", "续展"),
    "reissue": ("遗失补办", "挂失补办", "补办", "补发", "补领", "补证"),
    "exchange": ("到期换证", "期满换证", "换发", "换领", "换证"),
    "cancel": ("注销", "撤销", "终止"),
    "query": ("查询", "核验", "查阅"),
    "file": ("备案",),
    "approve": ("审批", "许可", "核准", "批准"),
    "pay": ("发放", "给付", "支付"),
    "confirm": ("认定", "确认", "鉴定"),
    "guide": ("指导",),
}
#: pairs of different actions one item may be written with
COMPATIBLE = frozenset({frozenset({"apply", a}) for a in ("issue", "pay", "approve", "confirm")} | {frozenset({"issue", "approve"})})
#: words that hold an action word but name a thing
_THINGS = ("许可证",)
_WORDS = sorted([*((w, a) for a, ws in ACTIONS.items() for w in ws), *((t, "") for t in _THINGS)], key=lambda x: (-len(x[0]), x[0]))
_PATTERN = re.compile("|".join(re.escape(w) for w, _ in _WORDS))
_ACTION_OF = dict(_WORDS)
#: (word, mark) longest first: 许可证 has 许可 marked, 证 kept
_MARKS = tuple((w, chr(0xE000 + list(ACTIONS).index(a))) for w, a in _WORDS if a)
_BRACKETED = re.compile(r"[（(［\[【][^）)］\]】]*[）)］\]】]")


def _found(text: str) -> frozenset[str]:
    return frozenset(a for w in _PATTERN.findall(text) if (a := _ACTION_OF[w]))


def actions(name: str) -> frozenset[str]:
    """The actions a name says (see the module's doc); empty when it says none."""
    return _found(_BRACKETED.sub("", name)) or _found("".join(_BRACKETED.findall(name)))


def differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names' actions make them two items: both say some, and none of one is or goes with one of the
    other."""
    return bool(a and b) and not any(x == y or frozenset({x, y}) in COMPATIBLE for x in a for y in b)


def marked(text: str) -> str:
    """`text` with each action word replaced by its action's mark (a private-use character: it joins only itself)."""
    for word, mark in _MARKS:
        if word in text:
            text = text.replace(word, mark)
    return text

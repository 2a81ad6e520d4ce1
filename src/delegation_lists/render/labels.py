"""Every label of the reports (reconcile, diff, stats) in Chinese and English: one table, no labels in code.

The language is the one messages use (`problems.language()`: `--lang`, `[tool.dlists] lang`, else the locale).
"""

from __future__ import annotations

from ..model.codes import FIELD_BY_KEY, MODE_BY_KEY, PART_BY_KEY
from ..problems import Lang, language

LABELS: dict[str, tuple[str, str]] = {
    # reconcile
    "reconcile.title": ("{parent}：下放事项与承接情况核对", "{parent}: delegations against what the children take on"),
    "child": ("下级", "child"), "code": ("代码", "code"), "delegated": ("下放", "delegated"),
    "matched": ("已承接", "matched"), "mode_mismatch": ("方式不符", "mode differs"), "missing": ("未承接", "missing"),
    "unbacked": ("无据承接", "unbacked"), "own": ("自有", "own"), "suggestions": ("疑似对应", "suggestions"),
    "coverage": ("承接率", "coverage"), "total": ("合计", "total"), "department": ("部门", "department"),
    "category": ("类别", "category"), "item": ("事项", "item"), "detail": ("说明", "detail"),
    "no_list": ("尚无清单：{n} 个下级（{delegated} 项下放事项未承接）：{names}", "no list yet: {n} children ({delegated} delegated items not taken on): {names}"),
    "matrix": ("部门 × 下级承接率", "Coverage by department and child"),
    "coverage_chart": ("各下级承接率", "Coverage per child"), "items_chart": ("各辖区事项数", "Items per jurisdiction"),
    "filter": ("筛选事项、下级或部门……", "Filter items, children or departments…"),
    "to_review": ("{n} 项待核", "{n} to review"),
    "clean": ("各下级与下放事项一致", "every child matches its delegations"),
    "gaps": ("存在差异", "gaps found"),
    "mm_detail": ("下放方式{delegated}，承接方式{taken}", "delegated {delegated}, taken as {taken}"),
    "missing_detail": ("已下放但未承接", "delegated but not taken on"),
    "suggest_detail": ("疑似 {source}（相似度 {score}）", "looks like {source} (score {score})"),
    "unbacked_not_found": ("来源 {source} 不在上级清单中", "source {source}: source not found in the parent's lists"),
    "unbacked_inactive": ("来源 {source} 已不在实施（{how}）", "source {source}: source is {how}"),
    "unbacked_not_delegated": ("来源 {source} 未下放给{child}", "source {source}: not delegated to {child}"),
    "suggestion": ("疑似对应", "suggestion"),
    "recalled_taken": ("收回仍承接", "recalled, still taken"), "with_duty": ("承接有职责", "with a duty"),
    "more_rows": ("……另有 {n} 项（--format markdown、json 或 xlsx 列出全部）", "... {n} more (--format markdown, json or xlsx lists them all)"),
    "no_duty": ("承接无职责", "no duty"), "duties.entries": ("履职事项", "duties"),
    "duties.check": ("履职事项清单与承接事项对照", "Duty lists against the powers taken on"),
    "recalled_taken_item": ("履职事项 {duty} 已列为上级部门收回（按 item 关联），却仍承接", "duty {duty} is recalled (linked by item) but the item is still taken on"),
    "recalled_taken_name": ("履职事项 {duty} 已列为上级部门收回（名称相似度 {score}），却仍承接", "duty {duty} is recalled (names match, score {score}) but the item is still taken on"),
    "no_duty_detail": ("已承接，但履职事项清单中没有对应职责", "taken on, but no duty lists it"),
    # diff
    "diff.title": ("清单变更：{old} → {new}", "Catalog diff: {old} → {new}"),
    "jurisdiction": ("辖区", "jurisdiction"), "added": ("新增", "added"), "removed": ("取消", "removed"),
    "changed": ("变更", "changed"), "renamed": ("更名", "renamed"), "moved": ("移动", "moved"),
    "field": ("字段", "field"), "old": ("调整前", "before"), "new": ("调整后", "after"), "change": ("变更类型", "change"),
    "impact": ("对下级的影响", "Delegation impact"), "township": ("下级", "township"),
    "newly_delegated": ("新下放", "newly delegated"), "withdrawn": ("收回", "withdrawn"),
    "mode_changed": ("方式改变", "mode changed"), "orphaned": ("失去来源的事项", "orphaned items"),
    "broken": ("未能读取的文件（请运行 dlists validate）", "Files that did not load (run dlists validate)"),
    "no_differences": ("没有差异。", "No differences."),
    "diff.side_old": ("旧版本", "old"), "diff.side_new": ("新版本", "new"),
    "no_differences_loaded": ("能读取的文件之间没有差异；有文件未能读取，见上。", "No differences among the files that loaded; some did not (see above)."),
    "file_moved": ("文件 {old} → {new}（{n} 项移动，内容未变）", "file {old} → {new} ({n} item(s) moved, unchanged)"),
    "changes": ("{n} 处变更", "{n} changes"),
    "diff.region": ("（区划）", "(region)"),
    "diff.broken_file": ("{side} {file}：无法加载（{problem}），其中的事项未参与比较",
                         "{side} {file}: did not load ({problem}); its items are left out of the comparison"),
    "diff.summary": ("变更汇总", "Changes"), "fields": ("字段变化", "fields"),
    "region_row": ("（区划）", "(region)"),
    "broken_detail": ("{side}的 {file}：{problem}；其中的事项未参与比较", "{side} {file}: did not load ({problem}); its items are left out of the comparison"),
    # validate
    "validate.clean": ("[green]✓[/] 没有发现问题（已检查 {checked}）", "[green]✓[/] no problems ({checked} checked)"),
    "validate.found": ("{mark} {errors}、{warnings}，涉及 {files}（已检查 {checked}）{note}",
                       "{mark} {errors}, {warnings} in {files} ({checked} checked){note}"),
    "validate.checked": ("{files:,} 个文件、{items:,} 个事项", "{files:,} file{fs}, {items:,} items"),
    "validate.errors": ("{n:,} 个错误", "{n:,} error{s}"), "validate.warnings": ("{n:,} 个警告", "{n:,} warning{s}"),
    "validate.files": ("{n:,} 个文件", "{n:,} file{s}"),
    "validate.lenient": ("（不加 --strict 时警告不算失败）", " (warnings do not fail without --strict)"),
    "error": ("错误", "error"), "warning": ("警告", "warning"),
    "stats.township_line": ("{name}（{code}）：{modes}", "{name} ({code}): {modes}"),
    "stats.mode_part": ("{mode} {items} 项，涉及 {departments} 个部门，其中行政许可 {licensing} 项",
                        "{mode} {items} items from {departments} departments, {licensing} licensing"),
    "stats.unresolved": ("其中来源不明", "of which source not found"),
    "stats.unresolved_part": ("来源不明 {n} 项（source 不是上级清单中的事项，见 DL201）",
                              "{n} with a source not in the parent's lists (DL201)"),
    "stats.by_department": ("{name}：各部门事项", "{name}: by department"),
    "stats.broken": ("{n} 个文件有错误，只统计了其中能读出的部分；请运行 `dlists validate`",
                     "{n} file(s) have errors and are counted only in part; run `dlists validate`"),
    "place.several": ("“{name}”可指多个辖区：{names}；请写全称或代码", "{name!r} may mean several jurisdictions: {names}; give the full name or the code"),
    "place.close": ("本清单中没有辖区“{name}”；是不是“{close}”？", "no jurisdiction {name!r} in this catalog; did you mean {close}?"),
    "place.none": ("本清单中没有辖区“{name}”", "no jurisdiction {name!r} in this catalog"),
    # command lines
    "partial.diff": ("{arg}：{n} 个文件有问题，只比较了能读出的部分；请运行 `dlists validate`",
                     "{arg}: {n} file(s) have problems and are compared only in part; run `dlists validate`"),
    "partial.export": ("{n} 个文件有错误，只导出了能读出的部分；请运行 `dlists validate`",
                       "{n} file(s) have errors and are exported only in part; run `dlists validate`"),
    "partial.reconcile": ("{n} 个文件有错误，只核对了能读出的部分；请运行 `dlists validate`",
                          "{n} file(s) have errors and are reconciled only in part; run `dlists validate`"),
    "diff.broken_exit": ("{n} 个文件无法加载（列在最前）：请修正，或加上 --allow-broken",
                         "{n} file(s) did not load (listed first); fix them or pass --allow-broken"),
    "diff.broken_line": ("无法加载", "broken"), "impact_on": ("对{name}的影响：", "impact on {name}: "),
    "output.is_input": ("-o {output} 是本次要读取的文件（{input}）：写出结果会替换它；请写到别处（如 report.json）",
                        "-o {output} is a file this run reads ({input}): writing there would replace it; write elsewhere (e.g. report.json)"),
    "output.in_catalog": ("-o {output} 位于要读取的清单目录 {input} 中，且是清单文件名（.yaml/.yml）：会替换或混入清单；请写到清单目录之外，或换用其他扩展名",
                          "-o {output} lies in the catalog {input} and has a catalog file's name (.yaml/.yml): it would replace or join the lists; write it outside the catalog or under another extension"),
    "export.wrote": ("已写出 {output}：{sheets} 份清单、{rows} 项", "wrote {output}: {sheets} list(s), {rows} entries"),
    "export.refused": ("未导出：要发布的清单有 {n} 个错误（见上）；请修正后再导出，或加 --allow-problems 照常导出",
                       "not exported: the lists to publish have {n} error(s) (listed above); fix them, or pass --allow-problems to export anyway"),
    "export.allowed": ("已按 --allow-problems 导出，但要发布的清单有 {n} 个错误（见上），发布前请修正",
                       "exported with --allow-problems although the lists have {n} error(s) (listed above); fix them before publishing"),
    "export.elsewhere": ("另有 {n} 个错误在未导出的文件中（草案或未选的辖区），不影响本次导出",
                         "{n} more error(s) are in files not exported (drafts, jurisdictions not chosen); they do not stop this export"),
    "export.drafts": ("未导出 {n} 份草案：{names}；加 --include-drafts 可一并导出（标题注明草案）",
                      "left out {n} draft(s): {names}; pass --include-drafts to export them (their titles say draft)"),
    "note": ("提示", "note"), "interrupted": ("已中断", "interrupted"),
    "bug": ("（这是 dlists 的缺陷；加 --debug 重新运行可看到调用栈）", "(this is a bug in dlists; rerun with --debug for the traceback)"),
    "import.row_skipped": ("未导入", "not imported"), "import.row": ("第 {row} 行", "row {row}"),
    "import.done": ("已导入 {items} 个事项，写成 {files} 个清单文件，位于 {output}；{skipped} 行未导入；`dlists validate`：{errors} 个错误、{warnings} 个警告",
                    "imported {items} items into {files} list file(s) under {output}; {skipped} row(s) not imported; "
                    "`dlists validate`: {errors} error(s), {warnings} warning(s)"),
    "import.into_done": ("已导入 {rows} 行到 {output}：{by_code} 行按编码、{by_name} 行按名称、{near} 行按相近名称对应上级事项，{unlinked} 行未关联；{skipped} 行未导入；`dlists validate`：{errors} 个错误、{warnings} 个警告",
                         "imported {rows} rows into {output}: {by_code} linked by code, {by_name} by name, {near} by a near name, "
                         "{unlinked} not linked; {skipped} row(s) not imported; `dlists validate`: {errors} error(s), {warnings} warning(s)"),
    "import.alike": ("……另有 {n} 行同样未导入：{message}", "... and {n} more rows not imported for the same reason: {message}"),
    "import.sources": ("各表读到的事项：{sources}", "items read per table: {sources}"),
    "import.expect": ("应有 {expected} 个事项，读到 {got} 个", "{expected} items expected, {got} read"),
    # adjustment records against the diff
    "records.title": ("调整记录核对", "Adjustment records"),
    "records.clean": ("每项变化都有调整记录（本版 {n} 条记录）", "every change is recorded ({n} records in the new version)"),
    "records.unrecorded": ("{n} 项变化没有调整记录（未经审定的调整）", "{n} change(s) without an adjustment record (not decided)"),
    "records.unmatched": ("{n} 条调整记录没有对应的变化", "{n} recorded change(s) with no such difference"),
    "records.covered": ("{n} 项变化有调整记录", "{n} change(s) recorded"),
    "records.off": ("（没有调整记录，未核对；用 --records require 要求核对）", "(no adjustment records: not checked; --records require to check)"),
    "records.draft": ("；记录 {ids} 尚未写审定文号", "; recorded in {ids}, which names no basis yet"),
    "records.gate": ("{unrecorded} 项变化没有经审定的调整记录，{unmatched} 条记录没有对应的变化：用 `dlists record OLD NEW -o 文件` 生成记录草稿，填写审定文号和理由",
                     "{unrecorded} change(s) have no decided adjustment record, {unmatched} recorded change(s) match none: "
                     "`dlists record OLD NEW -o FILE` drafts the records; fill in basis and reason"),
    "records.headline": ("{title}：{lines}", "{title}: {lines}"), "records.sep": ("；", "; "),
    "records.unrecorded_line": ("{what}：{item}{draft}", "{what}: {item}{draft}"),
    "records.unmatched_line": ("{id} {action} {item}：{why}（{file}）", "{id} {action} {item}: {why} ({file})"),
    "record.nothing": ("每项变化都有调整记录：不需要新的记录", "every change has a record: no draft needed"),
    "record.wrote": ("已把调整记录 {id}（{n} 项调整）追加到 {output}：请填写审定文号 basis 和调整理由 reason",
                     "appended record {id} ({n} change(s)) to {output}: fill in its basis and reason"),
    "fact.added": ("新增", "added"), "fact.removed": ("取消", "removed"), "fact.changed": ("变更 {field}", "changed {field}"),
    "fact.renamed": ("更名（原编码 {old}）", "renamed (was {old})"), "fact.delegated": ("下放给{target}", "delegated to {target}"),
    "fact.withdrawn": ("从{target}收回", "withdrawn from {target}"),
    "fact.mode_changed": ("{target}的承接方式 {old} → {new}", "mode for {target}: {old} → {new}"),
    "fact.part_moved": ("调整类别 {old} → {new}", "moved from {old} to {new}"),
    "diff.duty_moves": ("履职事项调整类别（{n} 项）", "Duty entries moved to another part ({n})"),
    "diff.part_moved": ("调整类别", "moved"), "diff.part_old": ("原类别", "part before"), "diff.part_new": ("调整后类别", "part after"),
    "unmatched.no_difference": ("两个版本之间没有这项变化", "no such change between the versions"),
    "unmatched.unknown_item": ("两个版本都没有这个事项", "neither version has this item"),
    "record": ("调整记录", "record"), "basis": ("调整依据", "basis"), "reason": ("调整理由", "reason"),
    "action": ("调整类型", "action"), "why": ("原因", "why"),
    # laws (dlists laws)
    "laws.title": ("引用的法律法规", "Laws cited"), "laws.law": ("法律法规", "law"), "laws.items": ("事项", "items"),
    "laws.duties": ("履职事项", "duties"), "laws.delegations": ("下放依据", "delegations"),
    "laws.jurisdictions": ("辖区数", "jurisdictions"), "laws.articles": ("引用条款", "articles"),
    "laws.basis": ("依据", "basis"), "laws.source": ("来源", "source"), "laws.jurisdiction_code": ("辖区代码", "code"),
    "laws.hit_rate": ("共 {lines} 条依据，识别出法律法规的 {parsed} 条（{rate}），{n} 条未识别",
                      "{lines} basis lines, a law found in {parsed} ({rate}), {n} not understood"),
    "laws.unparsed_hint": ("加 --unparsed 列出未识别的依据", "--unparsed lists them"),
    "laws.unparsed": ("未识别出法律法规名称的依据", "Basis lines in which no law was found"),
    "laws.uses_title": ("引用《{law}》的事项（{n} 项）", "Entries citing {law} ({n})"),
    "laws.uses_article": ("引用《{law}》第{article}条的事项（{n} 项，含未写条款的）",
                          "Entries citing {law} art. {article} ({n}, those citing no article included)"),
    "laws.none": ("没有事项引用《{law}》", "nothing cites {law}"),
    "laws.none_article": ("没有事项引用《{law}》第{article}条", "nothing cites article {article} of {law}"),
    "laws.did_you_mean": ("；是不是{names}？", "; did you mean {names}?"),
    "laws.no_laws": ("这些清单没有写法律法规依据", "these lists cite no laws"),
    "laws.inherited": ("承接 {source}", "from {source}"),
    "laws.kind.item": ("事项", "item"), "laws.kind.duty": ("履职事项", "duty"), "laws.kind.delegation": ("下放依据", "delegation"),
    "laws.sheet": ("法律法规", "laws"), "laws.uses_sheet": ("引用事项", "entries"),
    # duties
    "duties.title": ("履行职责事项：各镇（街道）与部门", "Duty lists: townships and departments"),
    "duties.basic": ("基本履职", "basic"), "duties.cooperate": ("配合履职", "cooperate"),
    "duties.recalled": ("上级部门收回", "recalled"), "duties.unresolved": ("来源不明", "source not found"), "duties.average": ("平均", "average"),
    "duties.national": ("全国平均（参考）", "national average (reference)"),
    "duties.by_department": ("各部门履职事项", "By department"), "duties.leads": ("牵头配合事项", "leads"),
    "duties.took_back": ("收回事项", "took back"), "duties.townships": ("涉及镇（街道）", "townships"),
    "duties.inconsistent": ("各镇（街道）分类不一致的指导目录事项", "Guide duties placed in different parts"),
    "duties.outliers": ("事项数明显偏离的镇（街道）", "Townships far from the typical counts"),
    "duties.parts": ("各镇（街道）的分类", "parts"), "duties.typical": ("典型值（中位数）", "typical (median)"),
    "duties.none": ("没有履职事项清单", "no duty lists"),
    "duties.lead_duty": ("部门职责 / 工作方式", "department's duty / how"), "duties.duty": ("乡镇配合职责", "township's duty"),
    # villages
    "village": ("村（社区）", "village"), "villages.stats_title": ("村级组织工作事项", "Village lists"),
    "villages.autonomy": ("依法自治", "autonomy"), "villages.assist": ("协助政府工作", "assist"),
    "villages.certificate": ("出具证明", "certificate"), "villages.negative": ("负面事项", "negative"),
    "villages.micro_power": ("小微权力", "micro-power"),
    "villages.title": ("{name}：所辖村（社区）的工作事项", "{name}: its villages' lists"),
    "villages.assist_title": ("协助政府工作事项：哪些村承担、何时经何文准入", "Assist work: which villages carry it, admitted when and by which document"),
    "villages.work": ("协助事项", "assist work"), "villages.from": ("来源", "from"), "villages.lead": ("主管部门", "department"),
    "villages.count": ("村数", "villages"), "villages.carriers": ("承担的村（社区）", "carried by"),
    "villages.admitted": ("准入情况", "admitted"), "villages.own": ("非指导目录事项", "not in the guide"),
    "villages.not_admitted": ("{names}未经准入", "not admitted: {names}"),
    "villages.basis": ("准入文号", "admission basis"), "villages.date": ("准入日期", "admitted on"),
    "villages.applicant": ("申请部门", "applicant"),
    "villages.admission": ("{village}：{basis}{when}", "{village}: {basis}{when}"), "villages.sheet": ("村级协助事项", " villages"),
    "villages.township": ("乡镇（街道）", "township"),
    "villages.unlisted": ("尚无清单的村（社区）{n} 个：{names}", "{n} village(s) without a list: {names}"),
    # rules
    "rules.code": ("代码", "code"), "rules.name": ("名称", "name"), "rules.severity": ("级别", "severity"),
    "rules.family": ("类别", "family"), "rules.what": ("检查内容", "what it checks"),
    "rules.more": ("`dlists rules 代码` 显示一条规则的完整说明。", "`dlists rules CODE` shows a rule's full documentation."),
    # stats
    "stats.title": ("事项统计", "Item statistics"), "level": ("层级", "level"),
    "by_kind": ("各辖区事项类型", "Items by jurisdiction and kind"), "mode": ("方式", "mode"),
    "departments": ("部门数", "departments"), "licensing": ("其中行政许可", "licensing"), "items": ("事项数", "items"),
    "generated": ("由 dlists 生成", "made by dlists"),
    "summary_sheet": ("汇总", "summary"), "changes_sheet": ("变更明细", "changes"), "parent": ("上级", "parent"),
    "old_code": ("原编码", "old code"), "file": ("文件", "file"), "line": ("行", "line"),
}


def label(key: str, lang: Lang | None = None, **values: object) -> str:
    """The label `key` in `lang` (default: the language in use), with `{named}` values filled in."""
    zh, en = LABELS[key]
    text = zh if (lang or language()) == "zh" else en
    return text.format(**values) if values else text


def lead(key: str, lang: Lang | None = None) -> str:
    """The word that leads a line (错误, 警告, 提示, 未导入) with its colon, as the language writes it: `错误：`
    (full width, no space: as git and gcc say it in Chinese), `error: `."""
    chinese = (lang or language()) == "zh"
    return label(key, lang) + ("：" if chinese else ": ")


def mode(key: str, lang: Lang | None = None) -> str:
    """A delegation mode in the language's words (赋权 / grant)."""
    row = MODE_BY_KEY.get(key)
    if row is None:
        return key
    return row.zh if (lang or language()) == "zh" else row.key


def part_label(key: str | None, lang: Lang | None = None) -> str:
    """A duty list's part in the language's words (配合履职事项 / cooperate)."""
    row = PART_BY_KEY.get(key or "")
    if row is None:
        return key or ""
    return row.zh if (lang or language()) == "zh" else row.key


def field_name(path: str, lang: Lang | None = None, region: bool = False) -> str:
    """A field of a catalog entry (`promised_days`, `delegation.to`) as an analyst knows it: in Chinese its column
    name with the key beside it (承诺时限（promised_days）, 下放对象（delegation.to）); in English the key. A
    region's `name` is the jurisdiction's (名称), not an item's (事项名称)."""
    row = FIELD_BY_KEY.get(path.rsplit(".", 1)[-1])
    if row is None or (lang or language()) != "zh":
        return path
    return f"{'名称' if region and path == 'name' else row.zh}（{path}）"

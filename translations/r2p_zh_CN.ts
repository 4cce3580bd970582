<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>The demo file %1 is missing from this build.</source>
        <translation>此构建中缺少演示文件 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>R2P Workbench: look inside personalized generation by large reasoning models on LaMP.</source>
        <translation>R2P 工作台：在 LaMP 上检视大型推理模型的个性化生成。</translation>
    </message>
    <message>
        <source>Open this project file (*.r2p).</source>
        <translation>打开此项目文件 (*.r2p)。</translation>
    </message>
    <message>
        <source>Open this LaMP questions file.</source>
        <translation>打开此 LaMP 问题文件。</translation>
    </message>
    <message>
        <source>Its outputs file (default: the one beside it).</source>
        <translation>对应的输出文件（默认：同目录下的那个）。</translation>
    </message>
    <message>
        <source>Set the task instead of detecting it (LaMP-1 … LaMP-7, LaMP-2N).</source>
        <translation>手动指定任务而不自动识别（LaMP-1 … LaMP-7、LaMP-2N）。</translation>
    </message>
    <message>
        <source>Open the bundled demo dataset of this task.</source>
        <translation>打开此任务的内置演示数据集。</translation>
    </message>
    <message>
        <source>Select this question id once loaded.</source>
        <translation>加载后选中此问题 ID。</translation>
    </message>
    <message>
        <source>Save a PNG of the window once everything is loaded, then quit.</source>
        <translation>全部加载后将窗口保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>窗口大小，例如 1600x1000。</translation>
    </message>
    <message>
        <source>Interface language (en, de, zh_CN).</source>
        <translation>界面语言（en、de、zh_CN）。</translation>
    </message>
    <message>
        <source>unknown task %1</source>
        <translation>未知任务 %1</translation>
    </message>
    <message>
        <source>no demo for task %1</source>
        <translation>任务 %1 没有演示数据</translation>
    </message>
    <message>
        <source>no user with id %1 in this dataset</source>
        <translation>此数据集中没有 ID 为 %1 的用户</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>timed out waiting for the dataset to load</source>
        <translation>等待数据集加载超时</translation>
    </message>
    <message>
        <source>Run R2P to the end on the selected user once it is loaded.</source>
        <translation>选中用户加载后，对其完整运行 R2P。</translation>
    </message>
    <message>
        <source>Bring the Compare dock to the front.</source>
        <translation>将对比面板切换到前台。</translation>
    </message>
    <message>
        <source>Start in presentation mode (large type, no raw prompts).</source>
        <translation>以演示模式启动（大字体，不显示原始提示词）。</translation>
    </message>
    <message>
        <source>Theme: system, light or dark.</source>
        <translation>主题：system、light 或 dark。</translation>
    </message>
    <message>
        <source>unknown dialog %1</source>
        <translation>未知对话框 %1</translation>
    </message>
    <message>
        <source>--report needs --project P, the project file that holds the run</source>
        <translation>--report 需要 --project P，即包含该运行的项目文件</translation>
    </message>
    <message>
        <source>no project file %1</source>
        <translation>没有项目文件 %1</translation>
    </message>
    <message>
        <source>--report needs --run ID, the number of a run in %1</source>
        <translation>--report 需要 --run ID，即 %1 中某次运行的编号</translation>
    </message>
    <message>
        <source>cannot open the project %1: %2</source>
        <translation>无法打开项目 %1：%2</translation>
    </message>
    <message>
        <source>Write a report of the run --run ID of --project P (of one user with --user ID) as HTML or PDF, by the file&apos;s extension, and quit without showing a window.</source>
        <translation>将 --project P 中运行 --run ID 的报告（指定 --user ID 时只针对该用户）按文件扩展名写为 HTML 或 PDF，然后退出，不显示窗口。</translation>
    </message>
    <message>
        <source>Select this stage of the user&apos;s trace (e.g. profile_synthesis).</source>
        <translation>选中该用户轨迹中的此阶段（例如 profile_synthesis）。</translation>
    </message>
    <message>
        <source>unknown stage %1</source>
        <translation>未知阶段 %1</translation>
    </message>
    <message>
        <source>unknown baseline %1</source>
        <translation>未知的基线 %1</translation>
    </message>
    <message>
        <source>The stored run --report reports, or the window shows.</source>
        <translation>--report 报告或窗口显示的已存储运行。</translation>
    </message>
    <message>
        <source>Compare R2P with this baseline of the shown run (lamp-rag, lrm-rag, no-profile).</source>
        <translation>将 R2P 与所显示运行的此基线比较（lamp-rag、lrm-rag、no-profile）。</translation>
    </message>
    <message>
        <source>--run needs the number of a stored run</source>
        <translation>--run 需要一个已存储运行的编号</translation>
    </message>
    <message>
        <source>Open a dialog once loaded (batch, settings or compare-runs); --screenshot then saves it.</source>
        <translation>加载后打开一个对话框（batch、settings 或 compare-runs）；随后 --screenshot 保存它。</translation>
    </message>
    <message>
        <source>Bring the Analysis dock to the front on this page (slices, agreement, sweep, stored-sweep, attribution, length, judge or tags; sweep and attribution also run, stored-sweep plots the stored runs of a k sweep).</source>
        <translation>将“分析”停靠窗口切换到此页面（slices、agreement、sweep、stored-sweep、attribution、length、judge 或 tags；sweep 和 attribution 也会运行，stored-sweep 绘制 k 扫描中已存储的运行）。</translation>
    </message>
    <message>
        <source>Bring the Reasoning dock&apos;s Tags tab to the front with this chain: stage (the selected stage), tagpr or lrm-rag (that system&apos;s chain in the shown run).</source>
        <translation>将“推理”停靠窗口的“标签”页切换到前台并显示此推理链：stage（所选阶段）、tagpr 或 lrm-rag（该系统在当前运行中的推理链）。</translation>
    </message>
    <message>
        <source>unknown chain %1 (stage, tagpr or lrm-rag)</source>
        <translation>未知推理链 %1（stage、tagpr 或 lrm-rag）</translation>
    </message>
    <message>
        <source>Bring the Metrics dock to the front on this page (user, run, deltas, wtl, tokens, cost or rpi).</source>
        <translation>将指标面板切换到前台并显示此页（user、run、deltas、wtl、tokens、cost 或 rpi）。</translation>
    </message>
</context>
<context>
    <name>r2p::FailureLabel</name>
    <message>
        <source>Divergent thinking</source>
        <translation>发散思考</translation>
    </message>
    <message>
        <source>The reasoning wanders away from the task or the template stage, spending its budget on things that do not lead to the answer.</source>
        <translation>推理偏离了任务或模板阶段，把预算花在无助于得出答案的内容上。</translation>
    </message>
    <message>
        <source>Format misalignment</source>
        <translation>格式不符</translation>
    </message>
    <message>
        <source>The answer is not in the exact format the task asks for, such as a label outside the label set or a rating that is not an integer from 1 to 5.</source>
        <translation>答案不符合任务要求的确切格式，例如标签不在标签集中，或评分不是 1 到 5 的整数。</translation>
    </message>
    <message>
        <source>Retrieved history unused</source>
        <translation>检索到的历史未被利用</translation>
    </message>
    <message>
        <source>The retrieved profile items are ignored or used ineffectively, so the answer is not grounded in this user&apos;s history.</source>
        <translation>检索到的档案条目被忽略或未被有效利用，因此答案没有以该用户的历史为依据。</translation>
    </message>
    <message>
        <source>Hallucinated preference</source>
        <translation>臆造的偏好</translation>
    </message>
    <message>
        <source>The reasoning attributes to the user a preference or style that none of the retrieved items supports.</source>
        <translation>推理把某种偏好或风格归于用户，但没有任何检索条目支持这一点。</translation>
    </message>
    <message>
        <source>Ignored evidence</source>
        <translation>忽略证据</translation>
    </message>
    <message>
        <source>A retrieved item or synthesized fact that clearly bears on the answer is left out or contradicted without reason.</source>
        <translation>明显与答案相关的检索条目或综合得出的事实被无故遗漏，或被无故否定。</translation>
    </message>
    <message>
        <source>Inconsistent candidates</source>
        <translation>候选不一致</translation>
    </message>
    <message>
        <source>The sampled candidates disagree with each other, or the final choice does not follow from the cross-reference verdicts.</source>
        <translation>采样得到的候选彼此矛盾，或最终选择与交叉核对的判定不一致。</translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation>被截断</translation>
    </message>
    <message>
        <source>The output stops before the stage or the answer is complete, for example at a token limit or a stop sequence.</source>
        <translation>输出在阶段或答案完成之前就停止了，例如达到 token 上限或遇到停止序列。</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>A reasoning failure that none of the other labels describes; say what it is in the note.</source>
        <translation>其他标签都无法描述的推理失败；请在备注中说明具体情况。</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnalysisDock</name>
    <message>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>by profile size</source>
        <translation>按档案大小</translation>
    </message>
    <message>
        <source>by gold label</source>
        <translation>按标准答案标签</translation>
    </message>
    <message>
        <source>by failure label</source>
        <translation>按失败标签</translation>
    </message>
    <message>
        <source>by RPI intervention</source>
        <translation>按 RPI 干预</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>R2P</source>
        <translation>R2P</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation>Δ（R2P − 基线）</translation>
    </message>
    <message>
        <source>Win / tie / loss</source>
        <translation>胜 / 平 / 负</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>观测一致率</translation>
    </message>
    <message>
        <source>By chance</source>
        <translation>随机期望</translation>
    </message>
    <message>
        <source>Both / A only / B only / neither</source>
        <translation>两者 / 仅 A / 仅 B / 都没有</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>k:</source>
        <translation>k：</translation>
    </message>
    <message>
        <source>Numbers of retrieved items to try, separated by commas</source>
        <translation>要尝试的检索条目数，用逗号分隔</translation>
    </message>
    <message>
        <source>users:</source>
        <translation>用户数：</translation>
    </message>
    <message>
        <source>The first users of the filtered list that are in the run</source>
        <translation>筛选列表中属于该运行的前若干个用户</translation>
    </message>
    <message>
        <source>Run Sweep</source>
        <translation>运行扫描</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Mean items</source>
        <translation>平均条目数</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Retrieval sweep</source>
        <translation>检索扫描</translation>
    </message>
    <message>
        <source>Leave Each Item Out</source>
        <translation>逐项剔除</translation>
    </message>
    <message>
        <source>Runs R2P on the selected user once per retrieved item, without that item</source>
        <translation>对选中用户按每个检索条目各运行一次 R2P，每次去掉该条目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>档案 ID</translation>
    </message>
    <message>
        <source>Retrieval score</source>
        <translation>检索得分</translation>
    </message>
    <message>
        <source>Answer without it</source>
        <translation>去掉后的答案</translation>
    </message>
    <message>
        <source>Score without it</source>
        <translation>去掉后的得分</translation>
    </message>
    <message>
        <source>Δ score</source>
        <translation>Δ 得分</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已改变</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>归因</translation>
    </message>
    <message numerus="yes">
        <source>Sweeping: %1 of %n user(s), %2 runs, %3 s…</source>
        <translation>
            <numerusform>正在扫描：%1 / %n 个用户，%2 次运行，%3 秒…</numerusform>
        </translation>
    </message>
    <message>
        <source>User &lt;b&gt;%1&lt;/b&gt;: which retrieved item changes R2P&apos;s answer?</source>
        <translation>用户 &lt;b&gt;%1&lt;/b&gt;：哪个检索条目会改变 R2P 的答案？</translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt; · %2 · compared on &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>运行 &lt;b&gt;%1&lt;/b&gt; · %2 · 比较指标 &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No run yet. &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B) runs R2P and the baselines; the analysis of the run shows here.</source>
        <translation>尚无运行。&lt;i&gt;运行 ▸ 批量运行…&lt;/i&gt;（Ctrl+B）会运行 R2P 和各基线；运行的分析显示在这里。</translation>
    </message>
    <message>
        <source>no annotations on this run</source>
        <translation>此运行没有标注</translation>
    </message>
    <message>
        <source>not for this task</source>
        <translation>不适用于此任务</translation>
    </message>
    <message>
        <source>RPI intervened</source>
        <translation>RPI 已干预</translation>
    </message>
    <message>
        <source>no intervention</source>
        <translation>无干预</translation>
    </message>
    <message>
        <source>R2P − %1 on %2, %3</source>
        <translation>R2P − %1（%2，%3）</translation>
    </message>
    <message>
        <source>Agreement needs a stored run with annotations.</source>
        <translation>一致度需要一次带标注的已保存运行。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <source>Cohen&apos;s κ: %1 and %2 over %n item(s) both judged</source>
        <translation>
            <numerusform>Cohen κ：%1 与 %2，基于双方都评判过的 %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Items both gave the label / only %1 / only %2 / neither</source>
        <translation>双方都给出该标签的条目 / 仅 %1 / 仅 %2 / 都没有</translation>
    </message>
    <message>
        <source>Rows: %1&apos;s labels; columns: %2&apos;s</source>
        <translation>行：%1 的标签；列：%2 的标签</translation>
    </message>
    <message>
        <source>Yes votes</source>
        <translation>赞成票</translation>
    </message>
    <message numerus="yes">
        <source>Fleiss&apos; κ: %1 annotators (%2) over %n item(s) all judged</source>
        <translation>
            <numerusform>Fleiss κ：%1 位标注者（%2），基于所有人都评判过的 %n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yes vote(s)</source>
        <translation>
            <numerusform>%n 票赞成</numerusform>
        </translation>
    </message>
    <message>
        <source>No annotations on this run yet.</source>
        <translation>此运行尚无标注。</translation>
    </message>
    <message>
        <source>Only %1 has annotated this run; agreement needs two annotators or more.</source>
        <translation>只有 %1 标注了此运行；一致度需要至少两位标注者。</translation>
    </message>
    <message>
        <source>“%1” is not a k: give whole numbers from 0 to 64, separated by commas.</source>
        <translation>“%1”不是有效的 k：请输入 0 到 64 的整数，用逗号分隔。</translation>
    </message>
    <message>
        <source>Give at least one k.</source>
        <translation>请至少输入一个 k。</translation>
    </message>
    <message>
        <source>None of the listed users is in the run.</source>
        <translation>所列用户都不在此运行中。</translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %n user(s)…</source>
        <translation>
            <numerusform>正在扫描 %n 个用户…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 over the %n user(s) finished before.</source>
        <translation>
            <numerusform>已取消：%1，基于此前已完成的 %n 个用户。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against k (retrieved items)</source>
        <translation>%1 随 k（检索条目数）的变化</translation>
    </message>
    <message>
        <source>Attribution runs with a stored run&apos;s settings: run a batch first (Ctrl+B).</source>
        <translation>归因使用已保存运行的设置：请先进行批量运行（Ctrl+B）。</translation>
    </message>
    <message>
        <source>Running R2P without each retrieved item…</source>
        <translation>正在逐个去掉检索条目运行 R2P…</translation>
    </message>
    <message numerus="yes">
        <source>User &lt;b&gt;%1&lt;/b&gt; with all %2 items: &lt;b&gt;%3&lt;/b&gt;%4 · %n item(s) change the answer when left out.</source>
        <translation>
            <numerusform>用户 &lt;b&gt;%1&lt;/b&gt; 使用全部 %2 个条目：&lt;b&gt;%3&lt;/b&gt;%4 · 去掉后会改变答案的条目有 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Fleiss&apos; κ over the items every annotator judged, or Cohen&apos;s κ of one pair over the items both judged</source>
        <translation>所有标注者都判断过的条目上的 Fleiss κ，或某一对标注者在两人都判断过的条目上的 Cohen κ</translation>
    </message>
    <message>
        <source>All %1 annotators (Fleiss&apos; κ)</source>
        <translation>全部 %1 位标注者（Fleiss κ）</translation>
    </message>
    <message>
        <source>%1 and %2 (Cohen&apos;s κ)</source>
        <translation>%1 和 %2（Cohen κ）</translation>
    </message>
    <message>
        <source>Few items: κ over fewer than %1 is unreliable.</source>
        <translation>条目太少：少于 %1 个条目的 κ 不可靠。</translation>
    </message>
    <message>
        <source>No item was judged by all of them: pick a pair above for Cohen&apos;s κ.</source>
        <translation>没有条目被所有人判断过：请在上方选择一对标注者以计算 Cohen κ。</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评判</translation>
    </message>
    <message>
        <source> · R2P against &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · R2P 对比 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reasoning length</source>
        <translation>推理长度</translation>
    </message>
    <message>
        <source>Plot Stored Runs</source>
        <translation>绘制已保存运行</translation>
    </message>
    <message>
        <source>Plots the shown run and the stored runs that differ from it only in k (r2p run --k 0,1,2,4 or a study&apos;s k list): each system&apos;s metric over every user with its 95% bootstrap interval. Nothing is run.</source>
        <translation>绘制当前运行及仅在 k 上与之不同的已保存运行（r2p run --k 0,1,2,4 或研究的 k 列表）：各系统在全部用户上的指标及其 95% 自助区间。不会执行任何运行。</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Reading the stored runs of run %1&apos;s sweep…</source>
        <translation>正在读取运行 %1 所属扫描的已保存运行…</translation>
    </message>
    <message>
        <source>No other stored run differs from this one only in k: make a sweep of stored runs with r2p run --k 0,1,2,4 (or a study&apos;s k list).</source>
        <translation>没有其他已保存运行仅在 k 上与此运行不同：请用 r2p run --k 0,1,2,4（或研究的 k 列表）生成已保存运行的扫描。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n stored run(s) (runs %2), every user of each; the band is each point&apos;s 95% bootstrap interval.</source>
        <translation>
            <numerusform>%n 个已保存运行（运行 %2）的 %1，各含全部用户；阴影带为每个点的 95% 自助区间。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against k (retrieved items), stored runs</source>
        <translation>%1 随 k（检索条目数）变化，已保存运行</translation>
    </message>
    <message>
        <source>95% CI of Δ</source>
        <translation>Δ 的 95% 置信区间</translation>
    </message>
    <message>
        <source>Seeded 95% percentile bootstrap interval of the mean per-user Δ (1,000 resamples of the slice&apos;s paired users); a slice of few users has a wide one.</source>
        <translation>每用户平均 Δ 的固定种子 95% 百分位自助区间（对该切片的配对用户重抽样 1,000 次）；用户少的切片区间较宽。</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n user(s); the band is each point&apos;s 95% bootstrap interval.</source>
        <translation>
            <numerusform>%1，基于 %n 个用户；阴影带为每个点的 95% 自助区间。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationText</name>
    <message>
        <source>minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>whole run</source>
        <translation>整个运行</translation>
    </message>
    <message>
        <source>verdict on candidate %1</source>
        <translation>候选 %1 的判定</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>您的名字</translation>
    </message>
    <message>
        <source>Who annotates: kept with every label</source>
        <translation>标注者：随每个标签一起保存</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注者：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>严重程度：</translation>
    </message>
    <message>
        <source>Remove Annotation</source>
        <translation>移除标注</translation>
    </message>
    <message>
        <source>Bookmarks (M adds, B / Shift+B jump):</source>
        <translation>书签（M 添加，B / Shift+B 跳转）：</translation>
    </message>
    <message>
        <source>&lt;i&gt;Annotations attach to a stored run: pick a user of the run the Users view shows, or run a batch (Ctrl+B).&lt;/i&gt;</source>
        <translation>&lt;i&gt;标注附属于已保存的运行：请在用户视图所显示的运行中选择一个用户，或进行批量运行（Ctrl+B）。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Run #%1 · user &lt;b&gt;%2&lt;/b&gt; · labelling: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>运行 #%1 · 用户 &lt;b&gt;%2&lt;/b&gt; · 标注对象：&lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing to annotate: select a user of a stored run first.</source>
        <translation>没有可标注的内容：请先选择已保存运行中的一个用户。</translation>
    </message>
    <message>
        <source>Name the annotator first.</source>
        <translation>请先填写标注者姓名。</translation>
    </message>
    <message numerus="yes">
        <source>run #%1 (%n)</source>
        <translation>
            <numerusform>运行 #%1（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>◷ This user was also annotated on other runs: %1.</source>
        <translation>◷ 此用户在其他运行中也有标注：%1。</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Severity of the label just made, or of the next one (S cycles; Ctrl+Z undoes)</source>
        <translation>刚添加的标签或下一个标签的严重程度（S 切换；Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Note for the label just made (Ctrl+M; Return saves it and goes back)</source>
        <translation>刚添加的标签的备注（Ctrl+M；回车保存并返回）</translation>
    </message>
    <message>
        <source>Saved “%1” (%2) on %3. S changes its severity, Ctrl+M adds a note, Ctrl+Z undoes.</source>
        <translation>已在 %3 上保存“%1”（%2）。S 修改严重程度，Ctrl+M 添加备注，Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Severity of “%1”: %2.</source>
        <translation>“%1”的严重程度：%2。</translation>
    </message>
    <message>
        <source>Note saved on “%1”.</source>
        <translation>已在“%1”上保存备注。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
    <message>
        <source>Annotation removed (Ctrl+Z undoes).</source>
        <translation>已删除标注（Ctrl+Z 撤销）。</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationsModel</name>
    <message>
        <source>%1 · template %2 v%3</source>
        <translation>%1 · 模板 %2 v%3</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>r2p::ui::BatchDialog</name>
    <message>
        <source>Run Batch</source>
        <translation>批量运行</translation>
    </message>
    <message>
        <source>Systems:</source>
        <translation>系统：</translation>
    </message>
    <message numerus="yes">
        <source>All %n user(s)</source>
        <translation>
            <numerusform>全部 %n 个用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n user(s) the filter shows</source>
        <translation>
            <numerusform>筛选显示的 %n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>The first</source>
        <translation>前</translation>
    </message>
    <message>
        <source> users</source>
        <translation> 个用户</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>offline (no LLM)</source>
        <translation>离线（无 LLM）</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI 兼容服务器</translation>
    </message>
    <message>
        <source>Replay from the response cache</source>
        <translation>从响应缓存回放</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>后端：</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>服务器 URL：</translation>
    </message>
    <message>
        <source>e.g. deepseek-r1-distill-qwen-7b</source>
        <translation>例如 deepseek-r1-distill-qwen-7b</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Users at once:</source>
        <translation>同时处理的用户数：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Request timeout:</source>
        <translation>请求超时：</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>空闲超时：</translation>
    </message>
    <message>
        <source>Retrieved items (k):</source>
        <translation>检索条目数 (k)：</translation>
    </message>
    <message>
        <source>Candidates (M):</source>
        <translation>候选数 (M)：</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <source>Failures appear here, each naming its user and system.</source>
        <translation>失败会显示在这里，并注明用户和系统。</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Cancelling: users in flight are dropped, finished ones stay stored…</source>
        <translation>正在取消：进行中的用户将被丢弃，已完成的保留…</translation>
    </message>
    <message>
        <source>Choose at least one system.</source>
        <translation>请至少选择一个系统。</translation>
    </message>
    <message>
        <source>There are no users to run.</source>
        <translation>没有可运行的用户。</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: starting %n user(s)…</source>
        <translation>
            <numerusform>运行 %1：正在启动 %n 个用户…</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1: %2 of %3 users · %4 failed · ETA %5 s · %6 tokens/s</source>
        <translation>运行 %1：%2 / %3 个用户 · %4 个失败 · 预计还需 %5 秒 · %6 token/秒</translation>
    </message>
    <message>
        <source>Run %1 stopped: %2</source>
        <translation>运行 %1 已停止：%2</translation>
    </message>
    <message>
        <source>Run %1 cancelled after %2 users; finished users are stored. Resume continues with the rest.</source>
        <translation>运行 %1 在 %2 个用户后取消；已完成的用户已保存。“继续”会处理其余用户。</translation>
    </message>
    <message>
        <source>Run %1 finished: %2 users, %3 failed.</source>
        <translation>运行 %1 完成：%2 个用户，%3 个失败。</translation>
    </message>
    <message>
        <source>Prompt mode: %1</source>
        <translation>提示模式：%1</translation>
    </message>
    <message>
        <source>Run %1: resuming…</source>
        <translation>运行 %1：正在继续…</translation>
    </message>
    <message>
        <source>Preparing the run (the server may be asked which prompt mode fits)…</source>
        <translation>正在准备运行（可能会向服务器询问适合的提示模式）…</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>采样：</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大令牌数</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Run %1: its status could not be stored: %2</source>
        <translation>运行 %1：无法保存其状态：%2</translation>
    </message>
    <message>
        <source>Ablations:</source>
        <translation>消融：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>the run&apos;s model</source>
        <translation>运行的模型</translation>
    </message>
    <message>
        <source>This system&apos;s own model, e.g. a general LLM against a reasoning model (r2p run --system-model)</source>
        <translation>此系统自己的模型，例如通用 LLM 对比推理模型（r2p run --system-model）</translation>
    </message>
    <message>
        <source>Several servers, one per line, as r2p run --endpoint takes them: http://gpu1:8000/v1,max=32,weight=2,models=A|B (empty: the server URL alone)</source>
        <translation>多个服务器，每行一个，格式同 r2p run --endpoint：http://gpu1:8000/v1,max=32,weight=2,models=A|B（留空：仅使用服务器 URL）</translation>
    </message>
    <message>
        <source>Requests are spread by free capacity (max) and weight; a failing server is taken out and its requests retried elsewhere. Each server&apos;s models come from models= or its /v1/models, so a system with its own model (Sampling › Model) reaches the servers that serve it.</source>
        <translation>请求按空闲容量（max）和权重分配；出错的服务器会被移出，其请求改由其他服务器重试。每个服务器的模型来自 models= 或其 /v1/models，因此有自己模型的系统（采样 › 模型）会发往提供该模型的服务器。</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>端点：</translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2</source>
        <translation>端点，第 %1 行：%2</translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2 is listed twice</source>
        <translation>端点，第 %1 行：%2 重复列出</translation>
    </message>
    <message>
        <source>The metric the run&apos;s summary, its RPI effect and the views compare on; every ROUGE variant is scored and stored either way</source>
        <translation>运行摘要、其 RPI 效果和各视图据以比较的指标；各 ROUGE 变体无论如何都会计算并保存</translation>
    </message>
    <message>
        <source>Main metric:</source>
        <translation>主指标：</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ChartExport</name>
    <message>
        <source>No such chart.</source>
        <translation>没有这个图表。</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>r2p::ui::CompareDock</name>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>R2P against:</source>
        <translation>R2P 对比：</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not in this run.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;不在此次运行中。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Failed: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b71c1c&apos;&gt;失败：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;答案：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>in format</source>
        <translation>格式正确</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b71c1c&apos;&gt;not in format&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b71c1c&apos;&gt;格式不符&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Compare needs a stored run: &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B).</source>
        <translation>对比需要一次已保存的运行：&lt;i&gt;运行 ▸ 批量运行…&lt;/i&gt;（Ctrl+B）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;标准答案：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;i&gt;No gold output for this user.&lt;/i&gt;</source>
        <translation>&lt;i&gt;此用户没有标准答案。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Reasoning:</source>
        <translation>推理：</translation>
    </message>
    <message>
        <source>%1 in the gold · %2 not in the gold</source>
        <translation>%1 在参考答案中 · %2 不在参考答案中</translation>
    </message>
    <message>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答案：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1&lt;br&gt;&lt;small&gt;%2 R2P&apos;s answer has · %3 it lacks&lt;/small&gt;</source>
        <translation>&lt;b&gt;参考答案：&lt;/b&gt;%1&lt;br&gt;&lt;small&gt;%2 R2P 的答案包含 · %3 它缺少&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Tagged chain:</source>
        <translation>带标签的推理链：</translation>
    </message>
    <message>
        <source>none in this run</source>
        <translation>本运行中没有</translation>
    </message>
</context>
<context>
    <name>r2p::ui::CompareRunsWindow</name>
    <message>
        <source>Run %1 · %2</source>
        <translation>运行 %1 · %2</translation>
    </message>
    <message>
        <source>&lt; 0.001</source>
        <translation>&lt; 0.001</translation>
    </message>
    <message>
        <source>exact McNemar</source>
        <translation>精确 McNemar</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank</source>
        <translation>Wilcoxon 符号秩</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>A&apos;s value</source>
        <translation>A 的值</translation>
    </message>
    <message>
        <source>B&apos;s value</source>
        <translation>B 的值</translation>
    </message>
    <message>
        <source>Δ (B − A) [95% CI]</source>
        <translation>Δ (B − A) [95% 置信区间]</translation>
    </message>
    <message>
        <source>B wins / ties / losses</source>
        <translation>B 胜 / 平 / 负</translation>
    </message>
    <message>
        <source>Paired test</source>
        <translation>配对检验</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p（Holm）</translation>
    </message>
    <message>
        <source>Check two or more runs of this dataset, or one run to compare its systems with each other.</source>
        <translation>勾选本数据集的两个或更多运行，或勾选一个运行以相互比较其系统。</translation>
    </message>
    <message>
        <source>&amp;Runs:</source>
        <translation>运行(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Systems:</source>
        <translation>系统(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>指标(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>Filter users: is:regression, is:improvement, is:tie or words (Ctrl+F)</source>
        <translation>筛选用户：is:regression、is:improvement、is:tie 或关键词（Ctrl+F）</translation>
    </message>
    <message>
        <source>B right</source>
        <translation>B 正确</translation>
    </message>
    <message>
        <source>B wrong</source>
        <translation>B 错误</translation>
    </message>
    <message>
        <source>A right</source>
        <translation>A 正确</translation>
    </message>
    <message>
        <source>A wrong</source>
        <translation>A 错误</translation>
    </message>
    <message>
        <source>Users by correctness on each side; the off-diagonal cells are the discordant pairs McNemar&apos;s test counts.</source>
        <translation>按两侧正误统计的用户数；非对角线单元格即 McNemar 检验所计的不一致对。</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Label &amp;A</source>
        <translation>标注 A(&amp;A)</translation>
    </message>
    <message>
        <source>Label &amp;B</source>
        <translation>标注 B(&amp;B)</translation>
    </message>
    <message>
        <source>Adds the failure label to this side&apos;s run of the shown user.</source>
        <translation>为所示用户在此侧的运行添加失败标签。</translation>
    </message>
    <message>
        <source>Every system the runs share</source>
        <translation>各运行共有的所有系统</translation>
    </message>
    <message>
        <source>Check two or more runs (or one run with two or more systems), then Compare.</source>
        <translation>勾选两个或更多运行（或一个含两个以上系统的运行），然后点击比较。</translation>
    </message>
    <message>
        <source>One run: its systems are compared with each other.</source>
        <translation>一个运行：其系统相互比较。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) checked.</source>
        <translation>
            <numerusform>已勾选 %n 个运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 (%3) · per user: %4 · %n comparison(s); p-values Holm-adjusted across them; intervals: %5 seeded paired bootstrap resamples.</source>
        <translation>
            <numerusform>%1 · %2（%3）· 每用户：%4 · %n 项比较；p 值经 Holm 校正；区间：%5 次固定种子的配对自助重抽样。</numerusform>
        </translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>B better</source>
        <translation>B 更好</translation>
    </message>
    <message>
        <source>B worse</source>
        <translation>B 更差</translation>
    </message>
    <message numerus="yes">
        <source> · %n user(s) not paired (not in both runs, unfinished, failed or without a score)</source>
        <translation>
            <numerusform> · %n 个用户未配对（不在两个运行中、未完成、失败或无分数）</numerusform>
        </translation>
    </message>
    <message>
        <source>Exact McNemar on %1 discordant users (A only right: %2, B only right: %3): p = %4, Holm %5.</source>
        <translation>对 %1 个不一致用户做精确 McNemar 检验（仅 A 正确：%2，仅 B 正确：%3）：p = %4，Holm %5。</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank on the per-user %1 (%2 non-zero differences): p = %3, Holm %4.</source>
        <translation>对每用户的%1做 Wilcoxon 符号秩检验（%2 个非零差值）：p = %3，Holm %4。</translation>
    </message>
    <message>
        <source>&lt;b&gt;A:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;A：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;B:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;B：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>only A right</source>
        <translation>仅 A 正确</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>only B right</source>
        <translation>仅 B 正确</translation>
    </message>
    <message>
        <source>Per-user change, B against A (right of the middle: B better)</source>
        <translation>每用户变化，B 对比 A（中间右侧：B 更好）</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No user shown: pick one in the table.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;未显示用户：请在表格中选择一个。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Nothing compared yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;尚未比较。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Cannot read user %1 of run %2: %3&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b71c1c&apos;&gt;无法读取运行 %2 的用户 %1：%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;User %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;用户 %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Pick a user and a label first.</source>
        <translation>请先选择用户和标签。</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Failed: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b71c1c&apos;&gt;失败：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;答案：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n intervention(s)&lt;/span&gt;</source>
        <translation>
            <numerusform> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n 次干预&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Candidate %1: &lt;b&gt;%2&lt;/b&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;候选 %1：&lt;b&gt;%2&lt;/b&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source> · chosen</source>
        <translation> · 已选中</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Labels:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;标签：&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n improvement(s)</source>
        <translation>
            <numerusform>%n 个改进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n regression(s)</source>
        <translation>
            <numerusform>%n 个退步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tie(s)</source>
        <translation>
            <numerusform>%n 个持平</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; against &lt;b&gt;%2&lt;/b&gt;: %n paired user(s)%3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; 对比 &lt;b&gt;%2&lt;/b&gt;：%n 个配对用户%3。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>r2p::ui::DeltaText</name>
    <message>
        <source>R2P better</source>
        <translation>R2P 更好</translation>
    </message>
    <message>
        <source>R2P worse</source>
        <translation>R2P 更差</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>95% percentile bootstrap, 1,000 resamples drawn within each gold label (every label keeps its users, so macro-F1 is not dragged down by resamples that lose a rare label)</source>
        <translation>95% 百分位自助法，在每个金标准标签内抽取 1,000 次重采样（每个标签保留其用户，宏 F1 不会因重采样丢失稀有标签而被拉低）</translation>
    </message>
    <message>
        <source>95% percentile bootstrap over the users, 1,000 resamples</source>
        <translation>对用户进行 95% 百分位自助法，1,000 次重采样</translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingText</name>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>Malformed JSON at line %1, column %2 (%3). The %n record(s) before it were kept.</source>
        <translation>
            <numerusform>第 %1 行第 %2 列的 JSON 格式错误（%3）。之前的 %n 条记录已保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message numerus="yes">
        <source>The file ends in the middle of the JSON (truncated?). The %n complete record(s) were kept.</source>
        <translation>
            <numerusform>文件在 JSON 中间结束（被截断？）。已保留 %n 条完整记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a LaMP questions file: the top level must be a JSON array of records.</source>
        <translation>不是 LaMP 问题文件：顶层必须是由记录组成的 JSON 数组。</translation>
    </message>
    <message>
        <source>The outputs file could not be used: %1</source>
        <translation>无法使用输出文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more record(s) with a wrong shape were skipped.</source>
        <translation>
            <numerusform>另有 %n 条结构错误的记录被跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Record %1 skipped: %2</source>
        <translation>已跳过记录 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate id(s); later copies were skipped: %1</source>
        <translation>
            <numerusform>%n 个重复 ID，后出现的副本已跳过：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) have no output: %1</source>
        <translation>
            <numerusform>%n 个问题没有输出：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n output(s) have no question: %1</source>
        <translation>
            <numerusform>%n 个输出没有对应的问题：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Task mismatch: %1</source>
        <translation>任务不一致：%1</translation>
    </message>
    <message>
        <source>Cannot tell the LaMP task from the outputs file or the inputs; choose it in Dataset ▸ Task.</source>
        <translation>无法从输出文件或输入中判断 LaMP 任务；请在“数据集 ▸ 任务”中选择。</translation>
    </message>
    <message>
        <source>No usable records were found.</source>
        <translation>未找到可用的记录。</translation>
    </message>
    <message>
        <source>User %1 has an empty profile.</source>
        <translation>用户 %1 的档案为空。</translation>
    </message>
    <message>
        <source>the record is not a JSON object</source>
        <translation>该记录不是 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;id&quot; is not a string</source>
        <translation>“id”不是字符串</translation>
    </message>
    <message>
        <source>&quot;user_id&quot; is not a string</source>
        <translation>“user_id”不是字符串</translation>
    </message>
    <message>
        <source>&quot;input&quot; is not a string</source>
        <translation>“input”不是字符串</translation>
    </message>
    <message>
        <source>&quot;profile&quot; is not an array</source>
        <translation>“profile”不是数组</translation>
    </message>
    <message>
        <source>it has no &quot;id&quot;</source>
        <translation>缺少“id”</translation>
    </message>
    <message>
        <source>it has no &quot;input&quot;</source>
        <translation>缺少“input”</translation>
    </message>
    <message>
        <source>it has no &quot;profile&quot;</source>
        <translation>缺少“profile”</translation>
    </message>
    <message>
        <source>the entry is not an object</source>
        <translation>该条目不是对象</translation>
    </message>
    <message>
        <source>it has no string &quot;id&quot;</source>
        <translation>缺少字符串“id”</translation>
    </message>
    <message>
        <source>it has no string &quot;output&quot;</source>
        <translation>缺少字符串“output”</translation>
    </message>
    <message>
        <source>a control character inside a string</source>
        <translation>字符串中有控制字符</translation>
    </message>
    <message>
        <source>an invalid escape sequence in a string</source>
        <translation>字符串中有无效的转义序列</translation>
    </message>
    <message>
        <source>an invalid \u escape in a string</source>
        <translation>字符串中有无效的 \u 转义</translation>
    </message>
    <message>
        <source>an incomplete number</source>
        <translation>数字不完整</translation>
    </message>
    <message>
        <source>an invalid literal (expected true, false or null)</source>
        <translation>无效的字面量（应为 true、false 或 null）</translation>
    </message>
    <message>
        <source>expected a key in double quotes or &apos;}&apos;</source>
        <translation>应为双引号括起的键或 &apos;}&apos;</translation>
    </message>
    <message>
        <source>expected a key in double quotes</source>
        <translation>应为双引号括起的键</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a key</source>
        <translation>键之后应为 &apos;:&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>应为 &apos;,&apos; 或 &apos;}&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>应为 &apos;,&apos; 或 &apos;]&apos;</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>应为一个值</translation>
    </message>
    <message>
        <source>unexpected data after the end of the top-level array</source>
        <translation>顶层数组结束后有多余数据</translation>
    </message>
    <message>
        <source>profile item %1 is not an object</source>
        <translation>档案条目 %1 不是对象</translation>
    </message>
    <message>
        <source>profile item %1 has no &quot;id&quot;</source>
        <translation>档案条目 %1 缺少“id”</translation>
    </message>
    <message>
        <source>the outputs file says %1 but the inputs look like %2</source>
        <translation>输出文件标明为 %1，但输入看起来是 %2</translation>
    </message>
    <message>
        <source>the outputs file names an unknown task “%1”</source>
        <translation>输出文件标明了未知任务“%1”</translation>
    </message>
    <message>
        <source>Retrieval for user %1: %2</source>
        <translation>用户 %1 的检索：%2</translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingsDock</name>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1 — activate to list them in Users (%2)</source>
        <translation>%1 — 激活以在用户中列出（%2）</translation>
    </message>
</context>
<context>
    <name>r2p::ui::JudgeCheckView</name>
    <message>
        <source>Show a stored run in the Users view to check its judge.</source>
        <translation>在用户视图中显示一个已保存的运行，以检查其评判。</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Share right</source>
        <translation>正确比例</translation>
    </message>
    <message>
        <source>Mean %1</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>Run %1 has no R2P user with verdicts and a gold: nothing to check against.</source>
        <translation>运行 %1 中没有同时具有判定和标准答案的 R2P 用户：无可检查。</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: the verdicts of %n user(s)&apos; candidates against whether each candidate&apos;s own answer is right.</source>
        <translation>
            <numerusform>运行 %1：%n 个用户的候选判定，与每个候选答案是否正确的对照。</numerusform>
        </translation>
    </message>
    <message>
        <source>No annotator gave a verdict of their own (a verdict annotation labelled supported, partial, contradicted or unsupported).</source>
        <translation>没有标注者给出自己的判定（即标签为 supported、partial、contradicted 或 unsupported 的判定标注）。</translation>
    </message>
    <message numerus="yes">
        <source>Annotators&apos; verdicts on %n candidate(s): %1 agree with the judge, Cohen&apos;s κ %2.</source>
        <translation>
            <numerusform>标注者对 %n 个候选的判定：%1 个与评判一致，Cohen κ %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Language</name>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>r2p::ui::MainWindow</name>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>Indexing %1…</source>
        <translation>正在索引 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened from the project&apos;s index cache.</source>
        <translation>已从项目的索引缓存打开。</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation>打开演示数据集(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Filter Users</source>
        <translation>筛选用户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Search Profile</source>
        <translation>搜索档案(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next User</source>
        <translation>下一个用户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous User</source>
        <translation>上一个用户(&amp;P)</translation>
    </message>
    <message>
        <source>Go to &amp;Users</source>
        <translation>转到用户(&amp;U)</translation>
    </message>
    <message>
        <source>Go to &amp;Query</source>
        <translation>转到查询(&amp;Q)</translation>
    </message>
    <message>
        <source>Go to P&amp;rofile</source>
        <translation>转到档案(&amp;R)</translation>
    </message>
    <message>
        <source>Go to F&amp;indings</source>
        <translation>转到发现(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Cancel Indexing</source>
        <translation>取消索引(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About R2P Workbench</source>
        <translation>关于 R2P 工作台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open D&amp;emo Dataset</source>
        <translation>打开演示数据集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Recent Projects</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes the next time R2P Workbench starts.</source>
        <translation>语言将在下次启动 R2P 工作台时更改。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop indexing (Esc)</source>
        <translation>停止索引（Esc）</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <source>unknown task</source>
        <translation>未知任务</translation>
    </message>
    <message>
        <source>time-based</source>
        <translation>按时间划分</translation>
    </message>
    <message>
        <source>user-based</source>
        <translation>按用户划分</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n user(s), %4 with gold</source>
        <translation>
            <numerusform>%1 · %2 · %3 · %n 个用户，%4 个有标准答案</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 条发现</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>R2P projects (*.r2p)</source>
        <translation>R2P 项目 (*.r2p)</translation>
    </message>
    <message>
        <source>%1 already exists; open it with File ▸ Open Project.</source>
        <translation>%1 已存在；请通过“文件 ▸ 打开项目”打开。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>R2P projects (*.r2p);;All files (*)</source>
        <translation>R2P 项目 (*.r2p);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>无法打开演示</translation>
    </message>
    <message>
        <source>Drop a LaMP questions file (a JSON array), with its outputs file if you have it.</source>
        <translation>请拖入 LaMP 问题文件（JSON 数组），如有输出文件也一并拖入。</translation>
    </message>
    <message>
        <source>Move through the focused list</source>
        <translation>在当前焦点列表中移动</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About R2P Workbench</source>
        <translation>关于 R2P 工作台</translation>
    </message>
    <message>
        <source>&lt;b&gt;R2P Workbench&lt;/b&gt; %1&lt;br/&gt;Looks inside personalized generation by large reasoning models on the LaMP benchmark.&lt;br/&gt;Project file: %2</source>
        <translation>&lt;b&gt;R2P 工作台&lt;/b&gt; %1&lt;br/&gt;在 LaMP 基准上检视大型推理模型的个性化生成。&lt;br/&gt;项目文件：%2</translation>
    </message>
    <message>
        <source>Go to R&amp;easoning</source>
        <translation>转到推理(&amp;E)</translation>
    </message>
    <message>
        <source>Go to &amp;Verdicts</source>
        <translation>转到判定(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run &amp;Batch…</source>
        <translation>批量运行(&amp;B)…</translation>
    </message>
    <message>
        <source>Open a dataset first.</source>
        <translation>请先打开一个数据集。</translation>
    </message>
    <message>
        <source>Go to &amp;Metrics</source>
        <translation>转到指标(&amp;M)</translation>
    </message>
    <message>
        <source>Go to &amp;Compare</source>
        <translation>转到对比(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with a backend or input failure</source>
        <translation>
            <numerusform>%n 个用户出现后端或输入错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with a contradicted candidate</source>
        <translation>
            <numerusform>%n 个用户有被判为矛盾的候选</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) whose R2P answer is not in the task&apos;s format</source>
        <translation>
            <numerusform>%n 个用户的 R2P 答案不符合任务格式</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with RPI interventions</source>
        <translation>
            <numerusform>%n 个用户有 RPI 干预</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all users</source>
        <translation>显示所有用户</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %n finding(s)</source>
        <translation>
            <numerusform>运行 %1：%n 项发现</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;play Stored Run</source>
        <translation>回放已保存的运行(&amp;P)</translation>
    </message>
    <message>
        <source>Replay &amp;Speed</source>
        <translation>回放速度(&amp;S)</translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation>按记录速度</translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation>快 %1 倍</translation>
    </message>
    <message>
        <source>Replay needs a stored run with this user: Run ▸ Run Batch… (Ctrl+B).</source>
        <translation>回放需要一次包含此用户的已保存运行：运行 ▸ 批量运行…（Ctrl+B）。</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Export Run &amp;Report…</source>
        <translation>导出运行报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Export &amp;User Report…</source>
        <translation>导出用户报告(&amp;U)…</translation>
    </message>
    <message>
        <source>Go to &amp;Annotations</source>
        <translation>转到标注(&amp;A)</translation>
    </message>
    <message>
        <source>Go to A&amp;nalysis</source>
        <translation>转到分析(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <source>A report needs a stored run (Run ▸ Run Batch…, Ctrl+B)%1.</source>
        <translation>报告需要一次已保存的运行（运行 ▸ 批量运行…，Ctrl+B）%1。</translation>
    </message>
    <message>
        <source> and a selected user</source>
        <translation>以及一个选中的用户</translation>
    </message>
    <message>
        <source>Export User Report</source>
        <translation>导出用户报告</translation>
    </message>
    <message>
        <source>Export Run Report</source>
        <translation>导出运行报告</translation>
    </message>
    <message>
        <source>Self-contained HTML (*.html);;PDF (*.pdf)</source>
        <translation>独立 HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>&amp;Discard Interactive Run…</source>
        <translation>丢弃交互式运行(&amp;D)…</translation>
    </message>
    <message>
        <source>C&amp;hoose Run…</source>
        <translation>选择运行(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose Base&amp;line…</source>
        <translation>选择基线(&amp;L)…</translation>
    </message>
    <message>
        <source>Sho&amp;w Run</source>
        <translation>显示运行(&amp;W)</translation>
    </message>
    <message>
        <source>No stored run of this dataset</source>
        <translation>此数据集没有已存储的运行</translation>
    </message>
    <message>
        <source>Compare R2P &amp;Against</source>
        <translation>R2P 对比(&amp;A)</translation>
    </message>
    <message>
        <source>The shown run has no baseline</source>
        <translation>所显示的运行没有基线</translation>
    </message>
    <message>
        <source>No stored run of this dataset to choose: Run ▸ Run Batch… (Ctrl+B).</source>
        <translation>此数据集没有可选的已存储运行：运行 ▸ 批量运行…（Ctrl+B）。</translation>
    </message>
    <message>
        <source>The shown run has no other baseline to choose.</source>
        <translation>所显示的运行没有其他可选的基线。</translation>
    </message>
    <message>
        <source>List them in Findings</source>
        <translation>在发现中列出</translation>
    </message>
    <message>
        <source>Discard Interactive Run</source>
        <translation>丢弃交互式运行</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 has %n annotation(s), which are deleted with it. Discard it?</source>
        <translation>
            <numerusform>运行 %1 有 %n 条标注，将随之删除。要丢弃吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 was not discarded: %2</source>
        <translation>运行 %1 未被丢弃：%2</translation>
    </message>
    <message>
        <source>Run %1 discarded</source>
        <translation>已丢弃运行 %1</translation>
    </message>
    <message>
        <source>The task holds until the project is closed, but could not be kept in it: %1</source>
        <translation>该任务在项目关闭前有效，但无法保存到项目中：%1</translation>
    </message>
    <message>
        <source>Compare &amp;Runs…</source>
        <translation>比较运行(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>r2p::ui::MetricsDock</name>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation>推理 token</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>干预</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation>Δ（R2P − 基线）</translation>
    </message>
    <message>
        <source>Win / tie / loss</source>
        <translation>胜 / 平 / 负</translation>
    </message>
    <message>
        <source>P(R2P better)</source>
        <translation>P(R2P 更好)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Per-user Δ</source>
        <translation>逐用户 Δ</translation>
    </message>
    <message>
        <source>Tokens vs score</source>
        <translation>token 与得分</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>No run yet. &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B) runs R2P and the baselines over the users; the results show here.</source>
        <translation>尚无运行。&lt;i&gt;运行 ▸ 批量运行…&lt;/i&gt;（Ctrl+B）会对用户运行 R2P 和各基线；结果显示在这里。</translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt; · %2 · backend %3 · compared on &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>运行 &lt;b&gt;%1&lt;/b&gt; · %2 · 后端 %3 · 比较指标 &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>R2P against %1 per user (%2; right: R2P better)</source>
        <translation>逐用户比较 R2P 与 %1（%2；越靠右 R2P 越好）</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>R2P against each baseline (%1)</source>
        <translation>R2P 与各基线比较（%1）</translation>
    </message>
    <message>
        <source>win</source>
        <translation>胜</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>平</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>负</translation>
    </message>
    <message>
        <source>Reasoning tokens against %1</source>
        <translation>推理 token 与 %1</translation>
    </message>
    <message>
        <source>reasoning tokens</source>
        <translation>推理 token</translation>
    </message>
    <message>
        <source>Reasoning tokens against %1 (one user in %2 shown)</source>
        <translation>推理 token 与 %1（每 %2 个用户显示一个）</translation>
    </message>
    <message>
        <source>R2P − this system</source>
        <translation>R2P − 此系统</translation>
    </message>
    <message>
        <source>R2P&apos;s score minus this system&apos;s on the run&apos;s main metric, and which side it favours (for MAE and RMSE lower is better)</source>
        <translation>R2P 的得分减去此系统在本次运行主指标上的得分，以及对哪一方有利（MAE 和 RMSE 越低越好）</translation>
    </message>
    <message>
        <source>R2P&apos;s value minus the baseline&apos;s, in the metric&apos;s units, and whether that is better or worse for R2P (for MAE and RMSE lower is better)</source>
        <translation>R2P 的值减去基线的值（以该指标为单位），以及这对 R2P 是更好还是更差（MAE 和 RMSE 越低越好）</translation>
    </message>
    <message>
        <source>Paired over the users both systems scored: %1</source>
        <translation>在两个系统都已评分的用户上配对：%1</translation>
    </message>
    <message>
        <source>R2P − %1 on %2 (%3)</source>
        <translation>R2P − %1，指标 %2（%3）</translation>
    </message>
    <message>
        <source>Every user ties with %1: all Δ are 0</source>
        <translation>每个用户都与 %1 持平：所有 Δ 均为 0</translation>
    </message>
    <message>
        <source>%1 (no reasoning tokens)</source>
        <translation>%1（无推理 token）</translation>
    </message>
    <message>
        <source>Not plotted, no reasoning tokens: %1</source>
        <translation>未绘制（无推理 token）：%1</translation>
    </message>
    <message>
        <source> · R2P against &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · R2P 对比 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (on screen)</source>
        <translation>%1（屏幕上）</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 failed, %4 tokens</source>
        <translation>%1：%2 个请求，%3 个失败，%4 个词元</translation>
    </message>
    <message numerus="yes">
        <source>, taken out %n time(s)</source>
        <translation>
            <numerusform>，移出 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoints — %1</source>
        <translation>端点 — %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>From cache</source>
        <translation>来自缓存</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示词元</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>生成词元</translation>
    </message>
    <message>
        <source>Cached prompt</source>
        <translation>缓存的提示</translation>
    </message>
    <message>
        <source>Intervention tokens</source>
        <translation>干预词元</translation>
    </message>
    <message>
        <source>Request time</source>
        <translation>请求时间</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Answers replayed from the project&apos;s response cache: no call was made for them</source>
        <translation>从项目响应缓存重放的答案：未为其发出调用</translation>
    </message>
    <message>
        <source>Counted by the run&apos;s token counter for every system alike; the server&apos;s own count in brackets where it gave one</source>
        <translation>由运行的词元计数器对所有系统一致计数；括号内为服务器给出的计数</translation>
    </message>
    <message>
        <source>Prompt tokens the server&apos;s prefix cache served, where it reported them</source>
        <translation>服务器前缀缓存提供的提示词元（服务器报告时）</translation>
    </message>
    <message>
        <source>Prompt and completion tokens of the requests after a level&apos;s first: what interventions and re-asks added (each one sends the whole context again)</source>
        <translation>某层级首个请求之后各请求的提示与生成词元：干预和重问所增加的部分（每次都重新发送完整上下文）</translation>
    </message>
    <message>
        <source>The requests&apos; time summed, not the run&apos;s wall clock (requests overlap)</source>
        <translation>各请求时间之和，而非运行的实际时长（请求会重叠）</translation>
    </message>
    <message>
        <source>Counting what the run cost…</source>
        <translation>正在统计运行成本…</translation>
    </message>
    <message>
        <source>No cost figures: %1</source>
        <translation>没有成本数据：%1</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>无价格</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>No price for %1 in the price table</source>
        <translation>价格表中没有 %1 的价格</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Prices per million tokens from the project&apos;s own table (r2p cost --set-prices).</source>
        <translation>每百万词元价格来自项目自己的价格表（r2p cost --set-prices）。</translation>
    </message>
    <message>
        <source>Prices per million tokens from the shipped table (resources/llm/prices.json); r2p cost --set-prices gives the project its own.</source>
        <translation>每百万词元价格来自随附的价格表（resources/llm/prices.json）；r2p cost --set-prices 可为项目设置自己的价格表。</translation>
    </message>
    <message>
        <source>Over repeats</source>
        <translation>跨重复</translation>
    </message>
    <message>
        <source>Mean ± sample standard deviation of the metric over the stored repeats of this run (the same settings, seeds S, S+1, …); the 95% CI is this repeat&apos;s bootstrap interval.</source>
        <translation>该指标在本运行已保存的各次重复（相同设置，种子 S、S+1、…）上的均值 ± 样本标准差；95% 置信区间为本次重复的自助区间。</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n repeat(s) (runs %2): %3; from %4 to %5</source>
        <translation>
            <numerusform>%1 跨 %n 次重复（运行 %2）：%3；从 %4 到 %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat %1 of %2 · %n repeat(s) stored (runs %3): see &lt;i&gt;Over repeats&lt;/i&gt;</source>
        <translation>
            <numerusform>第 %1 次重复（共 %2 次）· 已保存 %n 次重复（运行 %3）：见&lt;i&gt;跨重复&lt;/i&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>With RPI</source>
        <translation>有 RPI</translation>
    </message>
    <message>
        <source>Without RPI</source>
        <translation>无 RPI</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Double-click a user to show them</source>
        <translation>双击用户以显示</translation>
    </message>
    <message>
        <source>The same user run by R2P with interventions off and the same seed (--shadow)</source>
        <translation>同一用户由 R2P 在关闭干预、相同种子下运行（--shadow）</translation>
    </message>
    <message>
        <source>RPI effect</source>
        <translation>RPI 效果</translation>
    </message>
    <message>
        <source>better with RPI</source>
        <translation>有 RPI 更好</translation>
    </message>
    <message>
        <source>worse with RPI</source>
        <translation>有 RPI 更差</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>无差异</translation>
    </message>
    <message numerus="yes">
        <source>R2P with and without RPI (the run&apos;s shadow: the same users and seed, interventions off) on &lt;b&gt;%1&lt;/b&gt; over %n user(s) both scored: %2 with RPI, %3 without, Δ %4.</source>
        <translation>
            <numerusform>R2P 有无 RPI 的对比（运行的影子：相同用户和种子，关闭干预），在 &lt;b&gt;%1&lt;/b&gt; 上，基于两者都评分的 %n 个用户：有 RPI %2，无 RPI %3，Δ %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>RPI intervened on %1 of them: it helped %2, hurt %3 and changed nothing for %4.</source>
        <translation>RPI 干预了其中 %1 个：改善 %2 个，变差 %3 个，%4 个无变化。</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) without any intervention still score differently: the shadow is not a faithful replay (the backend does not repeat itself at this seed), so part of each difference is sampling, not RPI.</source>
        <translation>
            <numerusform>%n 个没有任何干预的用户得分仍然不同：影子运行并非忠实重放（后端在此种子下不会重复自身），因此每个差异中有一部分来自采样，而非 RPI。</numerusform>
        </translation>
    </message>
    <message>
        <source>The table lists the %1 largest changes of %2.</source>
        <translation>表中列出 %2 个变化中最大的 %1 个。</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>改善</translation>
    </message>
    <message>
        <source>hurt</source>
        <translation>变差</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>With RPI − without: %1</source>
        <translation>有 RPI − 无 RPI：%1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>The bootstrap intervals are being computed.</source>
        <translation>正在计算自助法置信区间。</translation>
    </message>
</context>
<context>
    <name>r2p::ui::OpenDatasetDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Open LaMP Dataset</source>
        <translation>打开 LaMP 数据集</translation>
    </message>
    <message>
        <source>e.g. …/LaMP_3/dev_questions.json</source>
        <translation>例如 …/LaMP_3/dev_questions.json</translation>
    </message>
    <message>
        <source>optional: the matching *_outputs.json</source>
        <translation>可选：对应的 *_outputs.json</translation>
    </message>
    <message>
        <source>Detect from the files</source>
        <translation>从文件中识别</translation>
    </message>
    <message>
        <source>&amp;Questions file:</source>
        <translation>问题文件(&amp;Q)：</translation>
    </message>
    <message>
        <source>LaMP questions file</source>
        <translation>LaMP 问题文件</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Outputs file:</source>
        <translation>输出文件(&amp;O)：</translation>
    </message>
    <message>
        <source>LaMP outputs file</source>
        <translation>LaMP 输出文件</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>Choose a LaMP questions file.</source>
        <translation>请选择 LaMP 问题文件。</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>%1 处没有文件。</translation>
    </message>
    <message>
        <source>This looks like an outputs file (a JSON object); the questions file is a JSON array.</source>
        <translation>这看起来是输出文件（JSON 对象）；问题文件应为 JSON 数组。</translation>
    </message>
    <message>
        <source>There is no outputs file at %1.</source>
        <translation>%1 处没有输出文件。</translation>
    </message>
</context>
<context>
    <name>r2p::ui::PairedUsersModel</name>
    <message>
        <source>Unknown filter &quot;%1&quot;: use is:regression, is:improvement or is:tie.</source>
        <translation>未知筛选条件“%1”：请使用 is:regression、is:improvement 或 is:tie。</translation>
    </message>
    <message>
        <source>improvement</source>
        <translation>改进</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>退步</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>B − A in the user&apos;s %1 (%2)</source>
        <translation>用户%1的 B − A（%2）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Δ (B − A)</source>
        <translation>Δ (B − A)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>A&apos;s answer</source>
        <translation>A 的答案</translation>
    </message>
    <message>
        <source>B&apos;s answer</source>
        <translation>B 的答案</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>标准答案</translation>
    </message>
    <message>
        <source>correctness</source>
        <translation>正确与否</translation>
    </message>
    <message>
        <source>absolute error</source>
        <translation>绝对误差</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ProfileDock</name>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>No profile to show</source>
        <translation>没有可显示的档案</translation>
    </message>
    <message>
        <source>Select a user to see every item of their profile.</source>
        <translation>选择一个用户以查看其档案中的所有条目。</translation>
    </message>
    <message>
        <source>Search this profile</source>
        <translation>搜索此档案</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Cannot show this record</source>
        <translation>无法显示此记录</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>BM25</source>
        <translation>BM25</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>按时间</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>How the profile is ranked against the query (BM25 is LaMP-exact)</source>
        <translation>档案如何针对查询排序（BM25 与 LaMP 完全一致）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <source>How many top-ranked items count as retrieved (0: all)</source>
        <translation>排名靠前的多少个条目算作检索结果（0：全部）</translation>
    </message>
    <message>
        <source>&amp;Full profile</source>
        <translation>完整档案(&amp;F)</translation>
    </message>
    <message>
        <source>Show every profile item, the retrieved ones in bold</source>
        <translation>显示所有档案条目，检索到的以粗体显示</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Matched query terms:</source>
        <translation>匹配的查询词：</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the profile</source>
        <translation>
            <numerusform>档案中有 %n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retrieved</source>
        <translation>
            <numerusform>已检索 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>显示 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>(also %1)</source>
        <translation>（另有 %1）</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ProfileModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>BM25 score; rankers without a score show (n − rank) / n</source>
        <translation>BM25 分数；没有分数的排序方式显示 (n − 排名) / n</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
</context>
<context>
    <name>r2p::ui::QueryDock</name>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>The author&apos;s paper</source>
        <translation>作者的论文</translation>
    </message>
    <message>
        <source>Candidate [1]</source>
        <translation>候选 [1]</translation>
    </message>
    <message>
        <source>Candidate [2]</source>
        <translation>候选 [2]</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>可选项</translation>
    </message>
    <message>
        <source>Movie description</source>
        <translation>电影描述</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Tweet</source>
        <translation>推文</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>未选择用户</translation>
    </message>
    <message>
        <source>Pick a user in the Users list to see the task input, its parts and the gold answer.</source>
        <translation>在用户列表中选择一个用户，以查看任务输入、其组成部分和标准答案。</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <source>Task unknown</source>
        <translation>任务未知</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n profile item(s)</source>
        <translation>
            <numerusform>%n 个档案条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Cannot show this record:</source>
        <translation>无法显示此记录：</translation>
    </message>
    <message>
        <source>(gold)</source>
        <translation>（标准答案）</translation>
    </message>
    <message>
        <source>Gold:</source>
        <translation>标准答案：</translation>
    </message>
    <message>
        <source>none (no outputs file)</source>
        <translation>无（没有输出文件）</translation>
    </message>
    <message>
        <source>BM25</source>
        <translation>BM25</translation>
    </message>
    <message>
        <source>recency</source>
        <translation>按时间</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Retrieval query (%1, k = %2)</source>
        <translation>检索查询（%1，k = %2）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReasoningDock</name>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run to End</source>
        <translation>运行到结束</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel Stage</source>
        <translation>取消阶段</translation>
    </message>
    <message>
        <source>Re-run from Here</source>
        <translation>从此处重新运行</translation>
    </message>
    <message>
        <source>Edit Output…</source>
        <translation>编辑输出…</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>流式输出</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Parsed</source>
        <translation>解析结果</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>干预</translation>
    </message>
    <message>
        <source>Select a user to run R2P on it.</source>
        <translation>选择一个用户以对其运行 R2P。</translation>
    </message>
    <message>
        <source>User &lt;b&gt;%1&lt;/b&gt; · backend &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>用户 &lt;b&gt;%1&lt;/b&gt; · 后端 &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · running &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · 正在运行 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · finished: answer &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · 已完成：答案 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · next: &lt;b&gt;%1&lt;/b&gt; (F10 steps, F5 runs to the end)</source>
        <translation> · 下一步：&lt;b&gt;%1&lt;/b&gt;（F10 单步，F5 运行到结束）</translation>
    </message>
    <message numerus="yes">
        <source> · ⚑ %n intervention(s)</source>
        <translation>
            <numerusform> · ⚑ %n 次干预</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;⚑ %1&lt;/b&gt; (%2 mode) — %3&lt;br&gt;%4&lt;br&gt;&lt;i&gt;Injected:&lt;/i&gt; %5&lt;br&gt;&lt;i&gt;Outcome:&lt;/i&gt; %6&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;⚑ %1&lt;/b&gt;（%2 模式）— %3&lt;br&gt;%4&lt;br&gt;&lt;i&gt;注入：&lt;/i&gt;%5&lt;br&gt;&lt;i&gt;结果：&lt;/i&gt;%6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No interventions in this stage.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此阶段没有干预。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Interventions ⚑</source>
        <translation>干预 ⚑</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not run yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;尚未运行。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Edit Output</source>
        <translation>编辑输出</translation>
    </message>
    <message>
        <source>Replace the output of %1; everything after it runs again.</source>
        <translation>替换 %1 的输出；其后的所有阶段将重新运行。</translation>
    </message>
    <message>
        <source> · answer &lt;b&gt;%1&lt;/b&gt; (F10 runs the engine on this user afresh)</source>
        <translation> · 答案 &lt;b&gt;%1&lt;/b&gt;（F10 对此用户重新运行引擎）</translation>
    </message>
    <message>
        <source> · stored as run %1</source>
        <translation> · 已保存为运行 %1</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show every stage as a table instead of the timeline</source>
        <translation>以表格而非时间线显示每个阶段</translation>
    </message>
    <message>
        <source>Bars by Tokens</source>
        <translation>按词元显示条形</translation>
    </message>
    <message>
        <source>Bar lengths by tokens generated instead of elapsed time</source>
        <translation>条形长度按生成的词元数而非耗时</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#808080&apos;&gt;Gold: %1 · %2&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#808080&apos;&gt;参考答案：%1 · %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>answer in the task&apos;s format</source>
        <translation>答案符合任务格式</translation>
    </message>
    <message>
        <source>answer not in the format</source>
        <translation>答案不符合格式</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Chain:</source>
        <translation>推理链：</translation>
    </message>
    <message>
        <source>The selected stage&apos;s text, or a tagged system&apos;s chain for this user in the shown run</source>
        <translation>所选阶段的文本，或当前运行中某个带标签系统对该用户的推理链</translation>
    </message>
    <message>
        <source>Selected stage</source>
        <translation>所选阶段</translation>
    </message>
    <message>
        <source>%1 chain (run %2)</source>
        <translation>%1 推理链（运行 %2）</translation>
    </message>
    <message>
        <source>the model&apos;s own tags</source>
        <translation>模型自己的标签</translation>
    </message>
    <message>
        <source>spans as stored (%1)</source>
        <translation>按存储的片段（%1）</translation>
    </message>
    <message>
        <source>auto-tagged by the %1: rules, not a language model</source>
        <translation>由%1自动标注：基于规则，并非语言模型</translation>
    </message>
    <message>
        <source>Open a dataset to see tagged chains.</source>
        <translation>打开数据集以查看带标签的推理链。</translation>
    </message>
    <message>
        <source>Select a user of the shown run.</source>
        <translation>请选择当前运行中的用户。</translation>
    </message>
    <message>
        <source>Run %1 has no finished %2 chain for user %3.</source>
        <translation>运行 %1 中没有用户 %3 已完成的 %2 推理链。</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <source>%1 has no reasoning chain to tag.</source>
        <translation>%1 没有可标注的推理链。</translation>
    </message>
    <message>
        <source>Name the annotator first (Annotations dock).</source>
        <translation>请先填写标注者姓名（“标注”停靠窗口）。</translation>
    </message>
    <message>
        <source>Sub-steps covered: %1 of %2</source>
        <translation>已覆盖的子步骤：%1 / %2</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReasoningLengthView</name>
    <message numerus="yes">
        <source>%1 [%2, %3] (%n user(s))</source>
        <translation>
            <numerusform>%1 [%2, %3]（%n 个用户）</numerusform>
        </translation>
    </message>
    <message>
        <source>Bins:</source>
        <translation>分箱：</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation>推理词元</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Mean tokens</source>
        <translation>平均词元</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <source>HRT level</source>
        <translation>HRT 层级</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Tokens the level took for the answers that were right: median [25th, 75th percentile] (users)</source>
        <translation>正确答案在该层级所用的词元：中位数 [第 25、75 百分位]（用户数）</translation>
    </message>
    <message>
        <source>Show a stored run in the Users view to see its reasoning length against its metric.</source>
        <translation>在用户视图中显示一个已存储的运行，以查看其推理长度与指标的关系。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 by reasoning tokens per answer (%2 is better); the band is the 95% bootstrap interval of each bin.</source>
        <translation>按每个答案推理词元数的 %1（%2 更好）；色带为每个分箱的 95% 自助法区间。</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>越低</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>越高</translation>
    </message>
    <message>
        <source>%1 against reasoning tokens per answer</source>
        <translation>%1 与每个答案推理词元数的关系</translation>
    </message>
    <message>
        <source>Reasoning tokens per answer (bin mean)</source>
        <translation>每个答案的推理词元（分箱均值）</translation>
    </message>
    <message>
        <source>Right (the answer is correct)</source>
        <translation>正确（答案正确）</translation>
    </message>
    <message>
        <source>Right (exactly the gold rating)</source>
        <translation>正确（与标准评分完全一致）</translation>
    </message>
    <message>
        <source>Right (ROUGE at least the system&apos;s median)</source>
        <translation>正确（ROUGE 不低于该系统的中位数）</translation>
    </message>
    <message>
        <source>Wrong (the others)</source>
        <translation>错误（其余）</translation>
    </message>
    <message>
        <source>Quantile bins of each system&apos;s reasoning tokens per answer</source>
        <translation>按各系统自身每个答案的推理词元数做分位数分箱</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Report</name>
    <message>
        <source>offline (no LLM)</source>
        <translation>离线（无 LLM）</translation>
    </message>
    <message>
        <source>replay (response cache)</source>
        <translation>回放（响应缓存）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>whole answer</source>
        <translation>整个答案</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
    <message>
        <source>verdict of candidate %1</source>
        <translation>候选 %1 的判定</translation>
    </message>
    <message>
        <source>Generated by R2P Workbench on %1 (UTC).</source>
        <translation>由 R2P 工作台于 %1（UTC）生成。</translation>
    </message>
    <message>
        <source>The project %1 has no run %2.</source>
        <translation>项目 %1 中没有运行 %2。</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>无法读取运行 %1：%2</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>HRT template</source>
        <translation>HRT 模板</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1，版本 %2</translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>%1, k = %2</source>
        <translation>%1，k = %2</translation>
    </message>
    <message>
        <source>Candidates (M)</source>
        <translation>候选数 (M)</translation>
    </message>
    <message>
        <source>RPI interventions per stage (at most)</source>
        <translation>每个阶段的 RPI 干预（最多）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Questions file</source>
        <translation>问题文件</translation>
    </message>
    <message>
        <source>Outputs file</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>R2P run %1 — %2</source>
        <translation>R2P 运行 %1 — %2</translation>
    </message>
    <message>
        <source>Stakeholder report of a stored run: how it was set up, how each system scored, where R2P won and lost against the baselines, and what annotators found.</source>
        <translation>面向相关方的已保存运行报告：运行如何配置、各系统得分如何、R2P 相对各基线在哪些地方胜出或落败，以及标注者的发现。</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>运行设置</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>Users, format and reasoning</source>
        <translation>用户、格式与推理</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>In format</source>
        <translation>格式正确</translation>
    </message>
    <message>
        <source>Reasoning tokens per answer</source>
        <translation>每个答案的推理 token</translation>
    </message>
    <message>
        <source>Interventions per user</source>
        <translation>每个用户的干预</translation>
    </message>
    <message>
        <source>R2P against each baseline</source>
        <translation>R2P 与各基线对比</translation>
    </message>
    <message>
        <source>The run has no baseline to compare R2P with.</source>
        <translation>此运行没有可与 R2P 比较的基线。</translation>
    </message>
    <message>
        <source>Paired over the users both systems scored: Δ = R2P − baseline in the metric&apos;s units (for MAE and RMSE a negative Δ means R2P is better), with a paired bootstrap interval and the users won, tied and lost.</source>
        <translation>基于两个系统都有得分的用户进行配对：Δ = R2P − 基线，单位与该指标相同（对 MAE 和 RMSE，Δ 为负表示 R2P 更好），并给出配对 bootstrap 区间以及胜、平、负的用户数。</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>胜</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>负</translation>
    </message>
    <message>
        <source>P(R2P better)</source>
        <translation>P(R2P 更好)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Histogram of per-user deltas</source>
        <translation>逐用户差值直方图</translation>
    </message>
    <message>
        <source>Win, tie and loss against each baseline</source>
        <translation>相对各基线的胜、平、负</translation>
    </message>
    <message>
        <source>Cross-reference verdicts</source>
        <translation>交叉核对判定</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No verdicts are stored for this run.</source>
        <translation>此运行没有保存的判定。</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Nobody has annotated this run yet.</source>
        <translation>尚无人标注此运行。</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) on this run.</source>
        <translation>
            <numerusform>此运行共有 %n 条标注。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failure label</source>
        <translation>失败标签</translation>
    </message>
    <message>
        <source>Worst users against %1</source>
        <translation>相对 %1 最差的用户</translation>
    </message>
    <message>
        <source>R2P was worse than %1 for no user.</source>
        <translation>R2P 在任何用户上都不比 %1 差。</translation>
    </message>
    <message>
        <source>The users where R2P lost most against %1 on %2 (at most 10).</source>
        <translation>在 %2 上 R2P 相对 %1 落后最多的用户（最多 10 个）。</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>标准答案</translation>
    </message>
    <message>
        <source>R2P answer</source>
        <translation>R2P 答案</translation>
    </message>
    <message>
        <source>R2P</source>
        <translation>R2P</translation>
    </message>
    <message>
        <source>%1 answer</source>
        <translation>%1 的答案</translation>
    </message>
    <message>
        <source>The questions file %1 is not available unchanged, so the input is not shown; the query retrieval used is.</source>
        <translation>问题文件 %1 无法以原样获得，因此不显示输入，只显示检索所用的查询。</translation>
    </message>
    <message>
        <source>The questions file has no record of this user.</source>
        <translation>问题文件中没有此用户的记录。</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>%1 个提示 token + %2 个补全 token</translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation>推理 %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation>模式 %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>RPI rule</source>
        <translation>RPI 规则</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Injected thought</source>
        <translation>注入的思考</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注：%1</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评判者</translation>
    </message>
    <message>
        <source>Final answer: candidate %1 — %2</source>
        <translation>最终答案：候选 %1 — %2</translation>
    </message>
    <message>
        <source>Run %1 has no user &quot;%2&quot;.</source>
        <translation>运行 %1 中没有用户“%2”。</translation>
    </message>
    <message>
        <source>User %1 — R2P run %2</source>
        <translation>用户 %1 — R2P 运行 %2</translation>
    </message>
    <message>
        <source>%1 · backend %2 · model %3 · HRT template %4 v%5</source>
        <translation>%1 · 后端 %2 · 模型 %3 · HRT 模板 %4 v%5</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Gold:</source>
        <translation>标准答案：</translation>
    </message>
    <message>
        <source>none (the split has no outputs)</source>
        <translation>无（该划分没有输出）</translation>
    </message>
    <message>
        <source>Retrieved history</source>
        <translation>检索到的历史</translation>
    </message>
    <message>
        <source>Query used for retrieval:</source>
        <translation>检索所用的查询：</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>档案 ID</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Matched terms</source>
        <translation>匹配的词</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation>推理 token</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>干预</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>R2P on %1: %2</source>
        <translation>R2P 的 %1：%2</translation>
    </message>
    <message>
        <source>R2P stages</source>
        <translation>R2P 阶段</translation>
    </message>
    <message>
        <source>R2P has no stored trace for this user.</source>
        <translation>R2P 没有此用户的已保存轨迹。</translation>
    </message>
    <message>
        <source>No verdicts are stored for this user.</source>
        <translation>此用户没有保存的判定。</translation>
    </message>
    <message>
        <source>Nobody has annotated this user on this run yet.</source>
        <translation>尚无人在此运行中标注此用户。</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Cannot write the report %1: the file must end in .html or .pdf.</source>
        <translation>无法写入报告 %1：文件扩展名必须是 .html 或 .pdf。</translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the report %1: the PDF could not be drawn.</source>
        <translation>无法写入报告 %1：无法绘制 PDF。</translation>
    </message>
    <message>
        <source>Each system&apos;s LaMP metrics over the users it finished. Intervals: %1.</source>
        <translation>每个系统在其完成的用户上的 LaMP 指标。区间：%1。</translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation>Δ（R2P − 基线）</translation>
    </message>
    <message>
        <source>R2P − %1: %2</source>
        <translation>R2P − %1：%2</translation>
    </message>
    <message>
        <source>Candidate chains</source>
        <translation>候选推理链</translation>
    </message>
    <message>
        <source>answer only, on the main chain&apos;s levels</source>
        <translation>仅答案，沿用主链的各层</translation>
    </message>
    <message>
        <source>independent, each from the first level</source>
        <translation>独立，每条从第一层开始</translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation>最终答案</translation>
    </message>
    <message>
        <source>combined by the model from the verdicts</source>
        <translation>由模型根据判定综合</translation>
    </message>
    <message>
        <source>the best-supported candidate</source>
        <translation>证据最充分的候选</translation>
    </message>
    <message>
        <source>%1, temperature %2, at most %3 tokens</source>
        <translation>%1，温度 %2，最多 %3 个 token</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message numerus="yes">
        <source>The run was spread over %n replica(s) of its model. Requests count every attempt sent; a failed one was retried on another replica.</source>
        <translation>
            <numerusform>本次运行分布在其模型的 %n 个副本上。请求数计入每次发送的尝试；失败的请求已在另一个副本上重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已应答</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示词元</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>生成词元</translation>
    </message>
    <message>
        <source>Taken out</source>
        <translation>移出次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>%1&apos;s own settings</source>
        <translation>%1 的专属设置</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>project&apos;s own</source>
        <translation>项目自己的</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>随附的</translation>
    </message>
    <message>
        <source>From cache</source>
        <translation>来自缓存</translation>
    </message>
    <message>
        <source>Intervention tokens</source>
        <translation>干预词元</translation>
    </message>
    <message>
        <source>Request time</source>
        <translation>请求时间</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>无价格</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Requests count every attempt, interventions and re-asks included; intervention tokens are those of the requests after a step&apos;s first (each sends the whole context again). Money in %1 at the %2 price table&apos;s prices per million tokens.</source>
        <translation>请求数计入每次尝试，包括干预和重问；干预词元是某步骤首个请求之后各请求的词元（每次都重新发送完整上下文）。金额以 %1 计，按%2价格表的每百万词元价格计算。</translation>
    </message>
    <message>
        <source>Tagged reasoning</source>
        <translation>带标签的推理</translation>
    </message>
    <message>
        <source>Chains checked against the tag set %1; intervals are 95% bootstrap intervals over the chains.</source>
        <translation>推理链已按标签集 %1 检查；区间为基于推理链的 95% 自助法区间。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n chain(s)</source>
        <translation>
            <numerusform>%1：%n 条推理链</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean constraint score %1 %2; chains breaking a rule: %3.</source>
        <translation>平均约束得分 %1 %2；违反规则的推理链：%3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Chains with</source>
        <translation>含该标签的链</translation>
    </message>
    <message>
        <source>%1 with the tag</source>
        <translation>含该标签时的 %1</translation>
    </message>
    <message>
        <source>%1 without</source>
        <translation>不含时的 %1</translation>
    </message>
    <message>
        <source>What RPI changed</source>
        <translation>RPI 改变了什么</translation>
    </message>
    <message>
        <source>R2P was also run with interventions off (the same users and seed). On %1 over %2 users both scored: %3 with RPI, %4 without. RPI intervened on %5 of them: it helped %6, hurt %7 and changed nothing for %8.</source>
        <translation>R2P 还在关闭干预的情况下运行了一次（相同用户和种子）。在 %1 上，基于两者都评分的 %2 个用户：有 RPI %3，无 RPI %4。RPI 干预了其中 %5 个：改善 %6 个，变差 %7 个，%8 个无变化。</translation>
    </message>
    <message>
        <source>%1 users without any intervention still score differently: part of each difference is sampling.</source>
        <translation>%1 个没有任何干预的用户得分仍然不同：每个差异中有一部分来自采样。</translation>
    </message>
    <message>
        <source>With RPI</source>
        <translation>有 RPI</translation>
    </message>
    <message>
        <source>Without RPI</source>
        <translation>无 RPI</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>改善</translation>
    </message>
    <message>
        <source>hurt</source>
        <translation>变差</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReportCharts</name>
    <message>
        <source>Per-user Δ, R2P against %1 (%2; right of 0: R2P better)</source>
        <translation>逐用户 Δ，R2P 对比 %1（%2；0 右侧：R2P 更好）</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>baseline %1 − R2P %1</source>
        <translation>基线 %1 − R2P %1</translation>
    </message>
    <message>
        <source>R2P %1 − baseline %1</source>
        <translation>R2P %1 − 基线 %1</translation>
    </message>
    <message>
        <source>R2P against each baseline: users won, tied and lost (%1)</source>
        <translation>R2P 对比各基线：胜、平、负的用户数（%1）</translation>
    </message>
    <message>
        <source>win</source>
        <translation>胜</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>平</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>负</translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunController</name>
    <message>
        <source>offline (no LLM)</source>
        <translation>离线（无 LLM）</translation>
    </message>
    <message>
        <source>replay of a stored run (%1×)</source>
        <translation>回放已保存的运行（%1×）</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>stored run #%1</source>
        <translation>已保存的运行 #%1</translation>
    </message>
    <message>
        <source>The finished run could not be stored: %1</source>
        <translation>无法保存已完成的运行：%1</translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunResults</name>
    <message>
        <source>Run %1 has no %2 answers to compare R2P with.</source>
        <translation>运行 %1 没有可与 R2P 比较的 %2 答案。</translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunText</name>
    <message>
        <source>Run %1 · interactive, user %2</source>
        <translation>运行 %1 · 交互式，用户 %2</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3</source>
        <translation>运行 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>A one-user R2P run stored by the Reasoning dock (interactive).</source>
        <translation>由推理面板存储的单用户 R2P 运行（交互式）。</translation>
    </message>
    <message>
        <source>Systems: %1</source>
        <translation>系统：%1</translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Backend: %1 · model: %2</source>
        <translation>后端：%1 · 模型：%2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建于：%1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>完成于：%1</translation>
    </message>
    <message>
        <source>repeat %1 of %2</source>
        <translation>第 %1 次重复（共 %2 次）</translation>
    </message>
    <message>
        <source>Retrieval: %1, k = %2 · seed %3</source>
        <translation>检索：%1，k = %2 · 种子 %3</translation>
    </message>
    <message>
        <source>Judge model: %1</source>
        <translation>评判模型：%1</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>温度 %1</translation>
    </message>
    <message>
        <source>top-p %1</source>
        <translation>top-p %1</translation>
    </message>
    <message>
        <source>at most %1 tokens</source>
        <translation>最多 %1 个词元</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Session</name>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Run %1 has no %2 answers to compare with.</source>
        <translation>运行 %1 没有可比较的 %2 答案。</translation>
    </message>
    <message>
        <source>No run is shown.</source>
        <translation>未显示任何运行。</translation>
    </message>
    <message>
        <source>Run %1 cannot be compared on %2.</source>
        <translation>运行 %1 无法在 %2 上比较。</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Settings</name>
    <message>
        <source>this template is for %1, not %2</source>
        <translation>此模板适用于 %1，而不是 %2</translation>
    </message>
</context>
<context>
    <name>r2p::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>offline (no LLM)</source>
        <translation>离线（无 LLM）</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI 兼容服务器</translation>
    </message>
    <message>
        <source>Interactive runs use:</source>
        <translation>交互式运行使用：</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>选择预设…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>服务器 URL：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY (the variable&apos;s name; the key is never stored)</source>
        <translation>例如 OPENAI_API_KEY（变量名；密钥本身从不保存）</translation>
    </message>
    <message>
        <source>API key variable:</source>
        <translation>API 密钥变量：</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Ranker:</source>
        <translation>排序器：</translation>
    </message>
    <message>
        <source>Retrieved items (k):</source>
        <translation>检索条目数 (k)：</translation>
    </message>
    <message>
        <source>Candidates (M):</source>
        <translation>候选数 (M)：</translation>
    </message>
    <message>
        <source>by sampling (temperature)</source>
        <translation>通过采样（温度）</translation>
    </message>
    <message>
        <source>by leaving one retrieved item out</source>
        <translation>通过去掉一个检索条目</translation>
    </message>
    <message>
        <source>Candidates differ:</source>
        <translation>候选的差异方式：</translation>
    </message>
    <message>
        <source>RPI interventions per stage (at most):</source>
        <translation>每个阶段的 RPI 干预（最多）：</translation>
    </message>
    <message>
        <source> tokens/s</source>
        <translation> token/秒</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>Offline reasoner pace:</source>
        <translation>离线推理器速度：</translation>
    </message>
    <message>
        <source>Retrieval and R2P</source>
        <translation>检索与 R2P</translation>
    </message>
    <message>
        <source>Restore Built-in</source>
        <translation>恢复内置模板</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Runs in this project and the template each used:</source>
        <translation>本项目中的运行及各自使用的模板：</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>尚无运行。</translation>
    </message>
    <message>
        <source>This template is for %1, not %2.</source>
        <translation>此模板适用于 %1，而不是 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Valid: %1, version %2, %n level(s).</source>
        <translation>
            <numerusform>有效：%1，版本 %2，%n 个层级。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>✖ %1</source>
        <translation>✖ %1</translation>
    </message>
    <message>
        <source>each its own chain from the first level</source>
        <translation>每个候选从第一层起独立推理</translation>
    </message>
    <message>
        <source>answer only, on the main chain&apos;s levels (cheaper)</source>
        <translation>仅重新生成答案，沿用主链的各层（更省）</translation>
    </message>
    <message>
        <source>Candidate chains:</source>
        <translation>候选推理链：</translation>
    </message>
    <message>
        <source>select the best-supported candidate</source>
        <translation>选择证据最充分的候选</translation>
    </message>
    <message>
        <source>combine: the model writes it from the verdicts</source>
        <translation>综合：由模型根据判定写出</translation>
    </message>
    <message>
        <source>Final answer:</source>
        <translation>最终答案：</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · template %4 version %5 (%6)</source>
        <translation>运行 %1 · %2 · %3 · 模板 %4 版本 %5 (%6)</translation>
    </message>
    <message>
        <source>text not kept</source>
        <translation>未保存文本</translation>
    </message>
</context>
<context>
    <name>r2p::ui::StageText</name>
    <message>
        <source>Retrieve</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Task analysis</source>
        <translation>任务分析</translation>
    </message>
    <message>
        <source>Profile synthesis</source>
        <translation>画像综合</translation>
    </message>
    <message>
        <source>Answer plan</source>
        <translation>答案计划</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Cross-reference</source>
        <translation>交叉核对</translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation>最终答案</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation>候选 %1</translation>
    </message>
    <message>
        <source>Cross-reference %1</source>
        <translation>交叉核对 %1</translation>
    </message>
    <message>
        <source>supported</source>
        <translation>有依据</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>contradicted</source>
        <translation>矛盾</translation>
    </message>
    <message>
        <source>unsupported</source>
        <translation>无依据</translation>
    </message>
    <message>
        <source>markers and order</source>
        <translation>标记与顺序</translation>
    </message>
    <message>
        <source>token budget</source>
        <translation>token 预算</translation>
    </message>
    <message>
        <source>citations</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>answer format</source>
        <translation>答案格式</translation>
    </message>
    <message>
        <source>The level starts with its marker and no other level&apos;s marker appears in it.</source>
        <translation>该层级以其标记开头，且其中不出现其他层级的标记。</translation>
    </message>
    <message>
        <source>The level stays within its token budget (no divergent thinking).</source>
        <translation>该层级不超出其 token 预算（没有发散思考）。</translation>
    </message>
    <message>
        <source>The synthesis cites retrieved items that exist, as [P1]…[Pk].</source>
        <translation>综合部分以 [P1]…[Pk] 引用实际检索到的条目。</translation>
    </message>
    <message>
        <source>The answer is in the task&apos;s exact format.</source>
        <translation>答案严格符合任务要求的格式。</translation>
    </message>
    <message>
        <source>R2P</source>
        <translation>R2P</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>无画像</translation>
    </message>
    <message>
        <source>LaMP RAG</source>
        <translation>LaMP RAG</translation>
    </message>
    <message>
        <source>LRM RAG</source>
        <translation>LRM RAG</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待运行</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unparsed</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <source>%1 · candidate %2</source>
        <translation>%1 · 候选 %2</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>No span of words repeats in a loop (divergent rambling).</source>
        <translation>没有词语片段在循环中重复（发散式啰嗦）。</translation>
    </message>
    <message>
        <source>complied</source>
        <translation>已遵守</translation>
    </message>
    <message>
        <source>violated again</source>
        <translation>再次违反</translation>
    </message>
    <message>
        <source>gave up: still violated</source>
        <translation>放弃：仍然违反</translation>
    </message>
    <message>
        <source>running (or stopped without a word: resumable)</source>
        <translation>运行中（或未留信息即停止：可继续）</translation>
    </message>
    <message>
        <source>cancelled (resumable)</source>
        <translation>已取消（可继续）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>R2P without RPI</source>
        <translation>R2P（无 RPI）</translation>
    </message>
    <message>
        <source>TagPR</source>
        <translation>TagPR</translation>
    </message>
    <message>
        <source>no gold output</source>
        <translation>无参考输出</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>prefill</source>
        <translation>预填充</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>lexical</source>
        <translation>词汇匹配</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>R2P without HRT</source>
        <translation>R2P（无 HRT）</translation>
    </message>
    <message>
        <source>R2P without cross-reference</source>
        <translation>R2P（无交叉引用）</translation>
    </message>
    <message>
        <source>sub-step coverage</source>
        <translation>子步骤覆盖</translation>
    </message>
    <message>
        <source>Every sub-step the template marks opens a line of the level with its marker.</source>
        <translation>模板标记的每个子步骤都以其标记开始该层级中的一行。</translation>
    </message>
</context>
<context>
    <name>r2p::ui::StageTimelineModel</name>
    <message>
        <source>HRT levels</source>
        <translation>HRT 层级</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 tok</source>
        <translation>%1 词元</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
</context>
<context>
    <name>r2p::ui::StagesModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>RPI</source>
        <translation>RPI</translation>
    </message>
    <message>
        <source>Server tokens: %1 prompt, %2 completion, %3 reasoning</source>
        <translation>服务器词元：提示 %1，生成 %2，推理 %3</translation>
    </message>
    <message>
        <source>Server speed: %1 prompt tokens/s, %2 generated tokens/s</source>
        <translation>服务器速度：提示 %1 词元/秒，生成 %2 词元/秒</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>From the response cache of %1</source>
        <translation>来自 %1 的响应缓存</translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation>由 %1 回答</translation>
    </message>
</context>
<context>
    <name>r2p::ui::TagChainView</name>
    <message>
        <source>Every tag constraint the chain breaks; click one to select its span</source>
        <translation>该推理链违反的每条标签约束；点击一项即可选中其片段</translation>
    </message>
    <message numerus="yes">
        <source>%1 · tag set &lt;i&gt;%2&lt;/i&gt; v%3 · %n segment(s)</source>
        <translation>
            <numerusform>%1 · 标签集 &lt;i&gt;%2&lt;/i&gt; v%3 · %n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source> · constraint score &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · 约束得分 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;i&gt;still streaming: open tags are provisional&lt;/i&gt;</source>
        <translation> · &lt;i&gt;仍在流式输出：未闭合的标签为暂定&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation>%1%2：%3</translation>
    </message>
    <message>
        <source>✔ Every constraint holds.</source>
        <translation>✔ 所有约束均满足。</translation>
    </message>
    <message>
        <source>No violation so far.</source>
        <translation>目前没有违规。</translation>
    </message>
    <message>
        <source>Select text, then 1-9 tags it with the legend&apos;s n-th tag as your correction, 0 removes your tags over it</source>
        <translation>选中文本后按 1-9，用图例中第 n 个标签标注它作为您的更正；按 0 删除您在其上的标签</translation>
    </message>
</context>
<context>
    <name>r2p::ui::TagsAnalysisView</name>
    <message>
        <source>%1 [%2, %3] · n %4</source>
        <translation>%1 [%2, %3] · n %4</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Segments per tag</source>
        <translation>每个标签的片段数</translation>
    </message>
    <message>
        <source>Constraint score</source>
        <translation>约束得分</translation>
    </message>
    <message>
        <source>%1 as SVG…</source>
        <translation>%1 导出为 SVG…</translation>
    </message>
    <message>
        <source>%1 as PNG…</source>
        <translation>%1 导出为 PNG…</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>The system whose tag table, transitions and score chart are shown</source>
        <translation>显示其标签表、转移和得分图的系统</translation>
    </message>
    <message>
        <source>How often a segment of the row&apos;s tag is followed by one of the column&apos;s; red: the tag set does not allow it</source>
        <translation>行标签的片段之后紧跟列标签片段的次数；红色：标签集不允许该转移</translation>
    </message>
    <message>
        <source>Show a stored run with the tagpr system (r2p run --systems tagpr,...) to see its tagged chains.</source>
        <translation>显示一个包含 tagpr 系统的已存储运行（r2p run --systems tagpr,...）以查看其带标签的推理链。</translation>
    </message>
    <message>
        <source>Checking the tagged chains…</source>
        <translation>正在检查带标签的推理链…</translation>
    </message>
    <message>
        <source>Run %1 has no tagged chains: run the tagpr system, or tag a chain by hand.</source>
        <translation>运行 %1 没有带标签的推理链：请运行 tagpr 系统，或手动标注一条推理链。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n chain(s) under tag set &lt;i&gt;%2&lt;/i&gt;; mean constraint score %3 [%4, %5]. Chains breaking a rule: %6.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;：标签集 &lt;i&gt;%2&lt;/i&gt; 下共 %n 条推理链；平均约束得分 %3 [%4, %5]。违反规则的推理链：%6。</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Chains with</source>
        <translation>含该标签的链</translation>
    </message>
    <message>
        <source>Tokens (right answers)</source>
        <translation>Token（正确答案）</translation>
    </message>
    <message>
        <source>Tokens (wrong answers)</source>
        <translation>Token（错误答案）</translation>
    </message>
    <message>
        <source>%1 with the tag</source>
        <translation>含该标签时的 %1</translation>
    </message>
    <message>
        <source>%1 without</source>
        <translation>不含时的 %1</translation>
    </message>
    <message>
        <source>The per-user %1 (%2) of the chains with and without the tag: mean [95% bootstrap interval] · chains</source>
        <translation>含与不含该标签的推理链的逐用户 %1（%2）：均值 [95% 自助法区间] · 链数</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a tag of the project&apos;s tag set</source>
        <translation>&lt;%1&gt; 不是本项目标签集中的标签</translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2：%3</translation>
    </message>
    <message>
        <source>%1 → %2: %3, not allowed by the tag set</source>
        <translation>%1 → %2：%3，标签集不允许</translation>
    </message>
    <message>
        <source>%1 by constraint score · r %2</source>
        <translation>%1 与约束得分 · r %2</translation>
    </message>
    <message>
        <source>%1 by constraint score</source>
        <translation>%1 与约束得分</translation>
    </message>
    <message>
        <source>One point per chain: its constraint score and its user&apos;s %1 (%2); r is Pearson&apos;s correlation over the chains. A high score with a bad %1 is what reward hacking looks like.</source>
        <translation>每条推理链一个点：其约束得分与其用户的 %1（%2）；r 为各推理链上的皮尔逊相关系数。得分高而 %1 差，正是奖励投机（reward hacking）的样子。</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2: κ %3 over %4 characters of %n chain(s)</source>
        <translation>
            <numerusform>%1 与 %2：在 %n 条推理链的 %4 个字符上 κ 为 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
    <message>
        <source>Agreement on tags: %1</source>
        <translation>标签一致性：%1</translation>
    </message>
    <message numerus="yes">
        <source>Reward model &lt;i&gt;%1&lt;/i&gt;: mean %2 over %n chain(s); r with %3: %4</source>
        <translation>
            <numerusform>奖励模型 &lt;i&gt;%1&lt;/i&gt;：%n 条推理链上的均值 %2；与 %3 的 r：%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>r2p::ui::TaskText</name>
    <message>
        <source>citation identification</source>
        <translation>引文识别</translation>
    </message>
    <message>
        <source>movie tagging</source>
        <translation>电影标签</translation>
    </message>
    <message>
        <source>news categorization</source>
        <translation>新闻分类</translation>
    </message>
    <message>
        <source>product rating</source>
        <translation>商品评分</translation>
    </message>
    <message>
        <source>news headline generation</source>
        <translation>新闻标题生成</translation>
    </message>
    <message>
        <source>scholarly title generation</source>
        <translation>学术论文标题生成</translation>
    </message>
    <message>
        <source>email subject generation</source>
        <translation>邮件主题生成</translation>
    </message>
    <message>
        <source>tweet paraphrasing</source>
        <translation>推文改写</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Triage</name>
    <message>
        <source>Label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>Label the &amp;Whole Run</source>
        <translation>标注整个运行(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Next Unannotated User</source>
        <translation>下一个未标注用户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Unannotated User</source>
        <translation>上一个未标注用户(&amp;P)</translation>
    </message>
    <message>
        <source>Cycle &amp;Severity</source>
        <translation>切换严重程度(&amp;S)</translation>
    </message>
    <message>
        <source>Write a N&amp;ote</source>
        <translation>写备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Bookmark This</source>
        <translation>添加书签(&amp;B)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Bookmark</source>
        <translation>下一个书签(&amp;X)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Bookmark</source>
        <translation>上一个书签(&amp;V)</translation>
    </message>
    <message>
        <source>Triage &amp;Cheat-Sheet</source>
        <translation>快速标注速查表(&amp;C)</translation>
    </message>
    <message>
        <source>Select text</source>
        <translation>选中文本</translation>
    </message>
    <message>
        <source>in the Reasoning stream, then a number: label that span</source>
        <translation>在推理流中选中，然后按数字：标注该片段</translation>
    </message>
    <message>
        <source>Click a stage or verdict</source>
        <translation>点击阶段或判定</translation>
    </message>
    <message>
        <source>then a number: label that stage or verdict</source>
        <translation>然后按数字：标注该阶段或判定</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>in the annotation list: remove the selected annotation</source>
        <translation>在标注列表中：移除选中的标注</translation>
    </message>
    <message>
        <source>Triage Shortcuts</source>
        <translation>快速标注快捷键</translation>
    </message>
    <message>
        <source>Bookmarks mark users of a stored run.</source>
        <translation>书签只能标记已保存运行中的用户。</translation>
    </message>
    <message>
        <source>Bookmarked user %1.</source>
        <translation>已为用户 %1 添加书签。</translation>
    </message>
    <message>
        <source>&amp;Undo Label, Removal or Note</source>
        <translation>撤销标签、删除或备注(&amp;U)</translation>
    </message>
</context>
<context>
    <name>r2p::ui::UserFilter</name>
    <message>
        <source>“%1”: profile needs a number, e.g. profile&gt;50</source>
        <translation>“%1”：profile 需要一个数字，例如 profile&gt;50</translation>
    </message>
    <message>
        <source>“%1”: delta needs a number, e.g. delta&lt;0</source>
        <translation>“%1”：delta 需要一个数字，例如 delta&lt;0</translation>
    </message>
    <message>
        <source>“%1”: tag-score needs a number, e.g. tag-score&lt;0.8</source>
        <translation>“%1”：tag-score 需要一个数字，例如 tag-score&lt;0.8</translation>
    </message>
    <message>
        <source>“%1”: unknown filter; use id:, gold:, user:, profile&gt;N, has:gold, is:worse, is:better, delta&lt;X, has:intervention, has:contradicted, has:annotation, no:annotation, label:ID, has:tag-violation, missing-tag:ID, tag-score&lt;X</source>
        <translation>“%1”：未知筛选条件；请使用 id:、gold:、user:、profile&gt;N、has:gold、is:worse、is:better、delta&lt;X、has:intervention、has:contradicted、has:annotation、no:annotation、label:ID、has:tag-violation、missing-tag:ID、tag-score&lt;X</translation>
    </message>
</context>
<context>
    <name>r2p::ui::UsersDock</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <source>Open a LaMP questions file (with its outputs file, if you have it), drop one on the window, or try the bundled demo.</source>
        <translation>打开一个 LaMP 问题文件（如有输出文件也一并打开），或将文件拖到窗口上，或试试内置演示。</translation>
    </message>
    <message>
        <source>Datasets in this project</source>
        <translation>此项目中的数据集</translation>
    </message>
    <message>
        <source>Filter: words, id:, gold:, profile&gt;50</source>
        <translation>筛选：关键词、id:、gold:、profile&gt;50</translation>
    </message>
    <message>
        <source>unknown task</source>
        <translation>未知任务</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2/%3 · %n user(s)</source>
        <translation>
            <numerusform>%1 · %2/%3 · %n 个用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s)</source>
        <translation>
            <numerusform>%1 / %n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>Plain words match id or gold. id:, gold:, user: match one column; profile&gt;N, profile&lt;=N compare profile sizes; has:gold, no:gold. With a run shown: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure.</source>
        <translation>普通词匹配 ID 或标准答案。id:、gold:、user: 匹配单列；profile&gt;N、profile&lt;=N 比较档案大小；has:gold、no:gold。显示某次运行时：is:worse、is:better、is:tie、delta&lt;X、has:intervention、has:contradicted、has:failed、has:format-failure。</translation>
    </message>
    <message>
        <source>The stored run whose answers and deltas the users show (F6)</source>
        <translation>用户列表显示其答案和差值的已存储运行（F6）</translation>
    </message>
    <message>
        <source>R2P against:</source>
        <translation>R2P 对比：</translation>
    </message>
    <message>
        <source>The baseline R2P is compared with: the Δ column, Metrics, Compare, Slices and reports follow it (Shift+F6)</source>
        <translation>R2P 所比较的基线：Δ 列、指标、比较、切片和报告都跟随它（Shift+F6）</translation>
    </message>
    <message>
        <source>Run %1 cannot be shown: %2</source>
        <translation>无法显示运行 %1：%2</translation>
    </message>
    <message>
        <source>No stored run: Run ▸ Run Batch… (Ctrl+B)</source>
        <translation>没有已存储的运行：运行 ▸ 批量运行…（Ctrl+B）</translation>
    </message>
    <message>
        <source>Plain words match id or gold. id:, gold:, user: match one column; profile&gt;N, profile&lt;=N compare profile sizes; has:gold, no:gold. With a run shown: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure; on tagged chains: has:tag-violation, missing-tag:ID, tag-score&lt;X.</source>
        <translation>普通词匹配 ID 或标准答案。id:、gold:、user: 匹配单列；profile&gt;N、profile&lt;=N 比较画像大小；has:gold、no:gold。显示运行时：is:worse、is:better、is:tie、delta&lt;X、has:intervention、has:contradicted、has:failed、has:format-failure；带标签的推理链：has:tag-violation、missing-tag:ID、tag-score&lt;X。</translation>
    </message>
    <message>
        <source>on:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>The metric R2P is compared on: the scores and Δ here, Metrics&apos; comparison and charts, Slices and reports follow it. A run&apos;s own main metric until you pick one (ROUGE-1 unless it was run with another).</source>
        <translation>R2P 据以比较的指标：此处的分数和 Δ、指标视图的比较和图表、切片和报告都随之变化。在您选择之前使用运行自身的主指标（除非运行时指定了其他指标，否则为 ROUGE-1）。</translation>
    </message>
    <message>
        <source>none in this run</source>
        <translation>本运行中没有</translation>
    </message>
    <message>
        <source>Reading run %1…</source>
        <translation>正在读取运行 %1…</translation>
    </message>
</context>
<context>
    <name>r2p::ui::UsersModel</name>
    <message>
        <source>No gold output for this user</source>
        <translation>此用户没有标准输出</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>标准答案</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Position in the questions file</source>
        <translation>在问题文件中的位置</translation>
    </message>
    <message>
        <source>Question id</source>
        <translation>问题 ID</translation>
    </message>
    <message>
        <source>Number of profile items</source>
        <translation>档案条目数</translation>
    </message>
    <message>
        <source>Gold output from the outputs file</source>
        <translation>来自输出文件的标准输出</translation>
    </message>
    <message>
        <source>User id (time-based splits)</source>
        <translation>用户 ID（按时间划分）</translation>
    </message>
    <message>
        <source>R2P</source>
        <translation>R2P</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
    <message>
        <source>RPI</source>
        <translation>RPI</translation>
    </message>
    <message>
        <source>Contradicted</source>
        <translation>矛盾</translation>
    </message>
    <message>
        <source>R2P&apos;s final answer and its score in the shown run</source>
        <translation>R2P 在所显示运行中的最终答案及其得分</translation>
    </message>
    <message>
        <source>The baseline&apos;s answer and score in the shown run</source>
        <translation>基线在所显示运行中的答案及得分</translation>
    </message>
    <message>
        <source>RPI interventions in R2P&apos;s run</source>
        <translation>R2P 运行中的 RPI 干预</translation>
    </message>
    <message>
        <source>Candidates the cross-reference found contradicted</source>
        <translation>交叉核对判为矛盾的候选</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) on the shown run</source>
        <translation>
            <numerusform>所显示运行中有 %n 条标注</numerusform>
        </translation>
    </message>
    <message>
        <source>annotated on an earlier run of this questions file</source>
        <translation>已在此问题文件的较早运行中标注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Failure annotations on the shown run (◷: annotated on an earlier run)</source>
        <translation>所显示运行中的失败标注（◷：已在较早运行中标注）</translation>
    </message>
    <message>
        <source>R2P minus %1 on %2: %3 (%4)</source>
        <translation>R2P 减 %1，指标 %2：%3（%4）</translation>
    </message>
    <message>
        <source>R2P minus the baseline on the task&apos;s main metric (green: R2P better, red: R2P worse; for MAE and RMSE lower is better)</source>
        <translation>R2P 减去基线在任务主指标上的得分（绿色：R2P 更好，红色：R2P 更差；MAE 和 RMSE 越低越好）</translation>
    </message>
</context>
<context>
    <name>r2p::ui::VerdictsDock</name>
    <message>
        <source>Verdicts</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>&lt;b&gt;Final:&lt;/b&gt; %1 — %2</source>
        <translation>&lt;b&gt;最终：&lt;/b&gt;%1 — %2</translation>
    </message>
    <message>
        <source>&lt;i&gt;No final choice yet: the cross-reference stage has not run.&lt;/i&gt;</source>
        <translation>&lt;i&gt;尚无最终选择：交叉核对阶段尚未运行。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Candidates against the retrieved items:</source>
        <translation>候选与检索条目对照：</translation>
    </message>
    <message>
        <source>Profile item %1 (retrieval score %2)</source>
        <translation>档案条目 %1（检索得分 %2）</translation>
    </message>
</context>
<context>
    <name>r2p::ui::VerdictsModel</name>
    <message>
        <source>chosen</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>最终</translation>
    </message>
    <message>
        <source>The retrieved items the cross-reference found supporting this candidate</source>
        <translation>交叉核对认为支持该候选的检索条目</translation>
    </message>
    <message>
        <source>How far this candidate agrees with the other candidates (the cross-reference&apos;s consensus)</source>
        <translation>该候选与其他候选的一致程度（交叉核对的共识）</translation>
    </message>
    <message>
        <source>The candidate the cross-reference chose as the final answer</source>
        <translation>交叉核对选为最终答案的候选</translation>
    </message>
</context>
</TS>

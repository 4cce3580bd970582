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
        <translation>打开此项目文件（*.r2p）。</translation>
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
        <source>cannot open the project %1</source>
        <translation>无法打开项目 %1</translation>
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
        <source>Bring the Metrics dock to the front on this page (user, run, deltas, wtl or tokens).</source>
        <translation>将指标面板切换到前台并显示此页（user、run、deltas、wtl 或 tokens）。</translation>
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
        <source>Open a dialog once loaded (batch or settings); --screenshot then saves the dialog.</source>
        <translation>加载后打开一个对话框（batch 或 settings）；此时 --screenshot 保存该对话框。</translation>
    </message>
    <message>
        <source>unknown dialog %1</source>
        <translation>未知对话框 %1</translation>
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
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1 · marked: the words R2P shares with it</source>
        <translation>&lt;b&gt;标准答案：&lt;/b&gt;%1 · 标记：R2P 与之相同的词</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;标准答案：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;i&gt;No gold output for this user.&lt;/i&gt;</source>
        <translation>&lt;i&gt;此用户没有标准答案。&lt;/i&gt;</translation>
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
        <translation>R2P 项目（*.r2p）</translation>
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
        <translation>R2P 项目（*.r2p）;;所有文件（*）</translation>
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
        <source>Δ to R2P</source>
        <translation>与 R2P 的差值</translation>
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
    <message>
        <source>Reasoning tokens against %1 (one user in %2 shown)</source>
        <translation>推理 token 与 %1（每 %2 个用户显示一个）</translation>
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
        <translation>JSON 文件（*.json）;;所有文件（*）</translation>
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
        <source>Run %1 · %2 · %3 · template %4 version %5</source>
        <translation>运行 %1 · %2 · %3 · 模板 %4 版本 %5</translation>
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
        <source>“%1”: unknown filter; use id:, gold:, user:, profile&gt;N, has:gold, is:worse, is:better, delta&lt;X, has:intervention, has:contradicted</source>
        <translation>“%1”：未知筛选条件；请使用 id:、gold:、user:、profile&gt;N、has:gold、is:worse、is:better、delta&lt;X、has:intervention、has:contradicted</translation>
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
        <source>R2P minus %1 on %2</source>
        <translation>R2P 减去 %1（%2）</translation>
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
        <source>R2P minus the baseline on the task&apos;s main metric (green: R2P better)</source>
        <translation>R2P 与基线在任务主指标上的差值（绿色：R2P 更好）</translation>
    </message>
    <message>
        <source>RPI interventions in R2P&apos;s run</source>
        <translation>R2P 运行中的 RPI 干预</translation>
    </message>
    <message>
        <source>Candidates the cross-reference found contradicted</source>
        <translation>交叉核对判为矛盾的候选</translation>
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
</context>
</TS>

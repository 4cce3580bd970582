<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>The demo file %1 is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>R2P Workbench: look inside personalized generation by large reasoning models on LaMP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this project file (*.r2p).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this LaMP questions file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its outputs file (default: the one beside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the task instead of detecting it (LaMP-1 … LaMP-7, LaMP-2N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the bundled demo dataset of this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this question id once loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window once everything is loaded, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language (en, de, zh_CN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no demo for task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user with id %1 in this dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out waiting for the dataset to load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run R2P to the end on the selected user once it is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the Compare dock to the front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in presentation mode (large type, no raw prompts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown dialog %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report needs --project P, the project file that holds the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no project file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report needs --run ID, the number of a run in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the project %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a report of the run --run ID of --project P (of one user with --user ID) as HTML or PDF, by the file&apos;s extension, and quit without showing a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this stage of the user&apos;s trace (e.g. profile_synthesis).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown baseline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored run --report reports, or the window shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare R2P with this baseline of the shown run (lamp-rag, lrm-rag, no-profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--run needs the number of a stored run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dialog once loaded (batch, settings or compare-runs); --screenshot then saves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the Analysis dock to the front on this page (slices, agreement, sweep, stored-sweep, attribution, length, judge or tags; sweep and attribution also run, stored-sweep plots the stored runs of a k sweep).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the Reasoning dock&apos;s Tags tab to the front with this chain: stage (the selected stage), tagpr or lrm-rag (that system&apos;s chain in the shown run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown chain %1 (stage, tagpr or lrm-rag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the Metrics dock to the front on this page (user, run, deltas, wtl, tokens, cost or rpi).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::FailureLabel</name>
    <message>
        <source>Divergent thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reasoning wanders away from the task or the template stage, spending its budget on things that do not lead to the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format misalignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not in the exact format the task asks for, such as a label outside the label set or a rating that is not an integer from 1 to 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieved history unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retrieved profile items are ignored or used ineffectively, so the answer is not grounded in this user&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hallucinated preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reasoning attributes to the user a preference or style that none of the retrieved items supports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retrieved item or synthesized fact that clearly bears on the answer is left out or contradicted without reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inconsistent candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sampled candidates disagree with each other, or the final choice does not follow from the cross-reference verdicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output stops before the stage or the answer is complete, for example at a token limit or a stop sequence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reasoning failure that none of the other labels describes; say what it is in the note.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnalysisDock</name>
    <message>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by profile size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by gold label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by failure label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by RPI intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win / tie / loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both / A only / B only / neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers of retrieved items to try, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first users of the filtered list that are in the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Each Item Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs R2P on the selected user once per retrieved item, without that item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sweeping: %1 of %n user(s), %2 runs, %3 s…</source>
        <translation>
            <numerusform>Sweeping: %1 of %n user, %2 runs, %3 s…</numerusform>
            <numerusform>Sweeping: %1 of %n users, %2 runs, %3 s…</numerusform>
        </translation>
    </message>
    <message>
        <source>User &lt;b&gt;%1&lt;/b&gt;: which retrieved item changes R2P&apos;s answer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt; · %2 · compared on &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet. &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B) runs R2P and the baselines; the analysis of the run shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no annotations on this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not for this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI intervened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P − %1 on %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement needs a stored run with annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cohen&apos;s κ: %1 and %2 over %n item(s) both judged</source>
        <translation>
            <numerusform>Cohen&apos;s κ: %1 and %2 over %n item both judged</numerusform>
            <numerusform>Cohen&apos;s κ: %1 and %2 over %n items both judged</numerusform>
        </translation>
    </message>
    <message>
        <source>Items both gave the label / only %1 / only %2 / neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: %1&apos;s labels; columns: %2&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Fleiss&apos; κ: %1 annotators (%2) over %n item(s) all judged</source>
        <translation>
            <numerusform>Fleiss&apos; κ: %1 annotators (%2) over %n item all judged</numerusform>
            <numerusform>Fleiss&apos; κ: %1 annotators (%2) over %n items all judged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yes vote(s)</source>
        <translation>
            <numerusform>%n yes vote</numerusform>
            <numerusform>%n yes votes</numerusform>
        </translation>
    </message>
    <message>
        <source>No annotations on this run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 has annotated this run; agreement needs two annotators or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a k: give whole numbers from 0 to 64, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one k.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the listed users is in the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %n user(s)…</source>
        <translation>
            <numerusform>Sweeping %n user…</numerusform>
            <numerusform>Sweeping %n users…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 over the %n user(s) finished before.</source>
        <translation>
            <numerusform>Cancelled: %1 over the %n user finished before.</numerusform>
            <numerusform>Cancelled: %1 over the %n users finished before.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against k (retrieved items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution runs with a stored run&apos;s settings: run a batch first (Ctrl+B).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running R2P without each retrieved item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>User &lt;b&gt;%1&lt;/b&gt; with all %2 items: &lt;b&gt;%3&lt;/b&gt;%4 · %n item(s) change the answer when left out.</source>
        <translation>
            <numerusform>User &lt;b&gt;%1&lt;/b&gt; with all %2 items: &lt;b&gt;%3&lt;/b&gt;%4 · %n item changes the answer when left out.</numerusform>
            <numerusform>User &lt;b&gt;%1&lt;/b&gt; with all %2 items: &lt;b&gt;%3&lt;/b&gt;%4 · %n items change the answer when left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleiss&apos; κ over the items every annotator judged, or Cohen&apos;s κ of one pair over the items both judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 annotators (Fleiss&apos; κ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 (Cohen&apos;s κ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Few items: κ over fewer than %1 is unreliable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item was judged by all of them: pick a pair above for Cohen&apos;s κ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · R2P against &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot Stored Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plots the shown run and the stored runs that differ from it only in k (r2p run --k 0,1,2,4 or a study&apos;s k list): each system&apos;s metric over every user with its 95% bootstrap interval. Nothing is run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stored runs of run %1&apos;s sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other stored run differs from this one only in k: make a sweep of stored runs with r2p run --k 0,1,2,4 (or a study&apos;s k list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n stored run(s) (runs %2), every user of each; the band is each point&apos;s 95% bootstrap interval.</source>
        <translation>
            <numerusform>%1 of %n stored run (run %2), every user; the band is each point&apos;s 95% bootstrap interval.</numerusform>
            <numerusform>%1 of %n stored runs (runs %2), every user of each; the band is each point&apos;s 95% bootstrap interval.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against k (retrieved items), stored runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% CI of Δ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeded 95% percentile bootstrap interval of the mean per-user Δ (1,000 resamples of the slice&apos;s paired users); a slice of few users has a wide one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n user(s); the band is each point&apos;s 95% bootstrap interval.</source>
        <translation>
            <numerusform>%1 over %n user; the band is each point&apos;s 95% bootstrap interval.</numerusform>
            <numerusform>%1 over %n users; the band is each point&apos;s 95% bootstrap interval.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationText</name>
    <message>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verdict on candidate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who annotates: kept with every label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks (M adds, B / Shift+B jump):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Annotations attach to a stored run: pick a user of the run the Users view shows, or run a batch (Ctrl+B).&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 · user &lt;b&gt;%2&lt;/b&gt; · labelling: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to annotate: select a user of a stored run first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the annotator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>run #%1 (%n)</source>
        <translation>
            <numerusform>run #%1 (%n)</numerusform>
            <numerusform>run #%1 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>◷ This user was also annotated on other runs: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity of the label just made, or of the next one (S cycles; Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the label just made (Ctrl+M; Return saves it and goes back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1” (%2) on %3. S changes its severity, Ctrl+M adds a note, Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity of “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved on “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation removed (Ctrl+Z undoes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationsModel</name>
    <message>
        <source>%1 · template %2 v%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::BatchDialog</name>
    <message>
        <source>Run Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n user(s)</source>
        <translation>
            <numerusform>All %n user</numerusform>
            <numerusform>All %n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n user(s) the filter shows</source>
        <translation>
            <numerusform>The %n user the filter shows</numerusform>
            <numerusform>The %n users the filter shows</numerusform>
        </translation>
    </message>
    <message>
        <source>The first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline (no LLM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay from the response cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. deepseek-r1-distill-qwen-7b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieved items (k):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates (M):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures appear here, each naming its user and system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: users in flight are dropped, finished ones stay stored…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no users to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1: starting %n user(s)…</source>
        <translation>
            <numerusform>Run %1: starting %n user…</numerusform>
            <numerusform>Run %1: starting %n users…</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1: %2 of %3 users · %4 failed · ETA %5 s · %6 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 cancelled after %2 users; finished users are stored. Resume continues with the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 finished: %2 users, %3 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the run (the server may be asked which prompt mode fits)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: its status could not be stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ablations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system&apos;s own model, e.g. a general LLM against a reasoning model (r2p run --system-model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several servers, one per line, as r2p run --endpoint takes them: http://gpu1:8000/v1,max=32,weight=2,models=A|B (empty: the server URL alone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests are spread by free capacity (max) and weight; a failing server is taken out and its requests retried elsewhere. Each server&apos;s models come from models= or its /v1/models, so a system with its own model (Sampling › Model) reaches the servers that serve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metric the run&apos;s summary, its RPI effect and the views compare on; every ROUGE variant is scored and stored either way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main metric:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::ChartExport</name>
    <message>
        <source>No such chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::CompareDock</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not in this run.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Failed: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b71c1c&apos;&gt;not in format&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare needs a stored run: &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;No gold output for this user.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the gold · %2 not in the gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1&lt;br&gt;&lt;small&gt;%2 R2P&apos;s answer has · %3 it lacks&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged chain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in this run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::CompareRunsWindow</name>
    <message>
        <source>Run %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 0.001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact McNemar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ (B − A) [95% CI]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B wins / ties / losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check two or more runs of this dataset, or one run to compare its systems with each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Systems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter users: is:regression, is:improvement, is:tie or words (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users by correctness on each side; the off-diagonal cells are the discordant pairs McNemar&apos;s test counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &amp;A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &amp;B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds the failure label to this side&apos;s run of the shown user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every system the runs share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check two or more runs (or one run with two or more systems), then Compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One run: its systems are compared with each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) checked.</source>
        <translation>
            <numerusform>%n run checked.</numerusform>
            <numerusform>%n runs checked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 (%3) · per user: %4 · %n comparison(s); p-values Holm-adjusted across them; intervals: %5 seeded paired bootstrap resamples.</source>
        <translation>
            <numerusform>%1 · %2 (%3) · per user: %4 · %n comparison; intervals: %5 seeded paired bootstrap resamples.</numerusform>
            <numerusform>%1 · %2 (%3) · per user: %4 · %n comparisons; p-values Holm-adjusted across them; intervals: %5 seeded paired bootstrap resamples.</numerusform>
        </translation>
    </message>
    <message>
        <source>no difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n user(s) not paired (not in both runs, unfinished, failed or without a score)</source>
        <translation>
            <numerusform> · %n user not paired (not in both runs, unfinished, failed or without a score)</numerusform>
            <numerusform> · %n users not paired (not in both runs, unfinished, failed or without a score)</numerusform>
        </translation>
    </message>
    <message>
        <source>Exact McNemar on %1 discordant users (A only right: %2, B only right: %3): p = %4, Holm %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank on the per-user %1 (%2 non-zero differences): p = %3, Holm %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;A:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;B:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only A right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only B right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-user change, B against A (right of the middle: B better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No user shown: pick one in the table.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Nothing compared yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Cannot read user %1 of run %2: %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;User %1&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a user and a label first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Failed: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n intervention(s)&lt;/span&gt;</source>
        <translation>
            <numerusform> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n intervention&lt;/span&gt;</numerusform>
            <numerusform> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n interventions&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Candidate %1: &lt;b&gt;%2&lt;/b&gt;%3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Labels:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n improvement(s)</source>
        <translation>
            <numerusform>%n improvement</numerusform>
            <numerusform>%n improvements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n regression(s)</source>
        <translation>
            <numerusform>%n regression</numerusform>
            <numerusform>%n regressions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tie(s)</source>
        <translation>
            <numerusform>%n tie</numerusform>
            <numerusform>%n ties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; against &lt;b&gt;%2&lt;/b&gt;: %n paired user(s)%3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; against &lt;b&gt;%2&lt;/b&gt;: %n paired user%3.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; against &lt;b&gt;%2&lt;/b&gt;: %n paired users%3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>r2p::ui::DeltaText</name>
    <message>
        <source>R2P better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% percentile bootstrap, 1,000 resamples drawn within each gold label (every label keeps its users, so macro-F1 is not dragged down by resamples that lose a rare label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% percentile bootstrap over the users, 1,000 resamples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingText</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Malformed JSON at line %1, column %2 (%3). The %n record(s) before it were kept.</source>
        <translation>
            <numerusform>Malformed JSON at line %1, column %2 (%3). The %n record before it was kept.</numerusform>
            <numerusform>Malformed JSON at line %1, column %2 (%3). The %n records before it were kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The file ends in the middle of the JSON (truncated?). The %n complete record(s) were kept.</source>
        <translation>
            <numerusform>The file ends in the middle of the JSON (truncated?). The %n complete record was kept.</numerusform>
            <numerusform>The file ends in the middle of the JSON (truncated?). The %n complete records were kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a LaMP questions file: the top level must be a JSON array of records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outputs file could not be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more record(s) with a wrong shape were skipped.</source>
        <translation>
            <numerusform>%n more record with a wrong shape was skipped.</numerusform>
            <numerusform>%n more records with a wrong shape were skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>Record %1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate id(s); later copies were skipped: %1</source>
        <translation>
            <numerusform>%n duplicate id; later copies were skipped: %1</numerusform>
            <numerusform>%n duplicate ids; later copies were skipped: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) have no output: %1</source>
        <translation>
            <numerusform>%n question has no output: %1</numerusform>
            <numerusform>%n questions have no output: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n output(s) have no question: %1</source>
        <translation>
            <numerusform>%n output has no question: %1</numerusform>
            <numerusform>%n outputs have no question: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Task mismatch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell the LaMP task from the outputs file or the inputs; choose it in Dataset ▸ Task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable records were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 has an empty profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;user_id&quot; is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;input&quot; is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;profile&quot; is not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no &quot;id&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no &quot;input&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no &quot;profile&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no string &quot;id&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no string &quot;output&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a control character inside a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an invalid escape sequence in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an invalid \u escape in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an incomplete number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an invalid literal (expected true, false or null)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a key in double quotes or &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a key in double quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected data after the end of the top-level array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile item %1 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile item %1 has no &quot;id&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the outputs file says %1 but the inputs look like %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the outputs file names an unknown task “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval for user %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingsDock</name>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — activate to list them in Users (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::JudgeCheckView</name>
    <message>
        <source>Show a stored run in the Users view to check its judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no R2P user with verdicts and a gold: nothing to check against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1: the verdicts of %n user(s)&apos; candidates against whether each candidate&apos;s own answer is right.</source>
        <translation>
            <numerusform>Run %1: the verdicts of %n user&apos;s candidates against whether each candidate&apos;s own answer is right.</numerusform>
            <numerusform>Run %1: the verdicts of %n users&apos; candidates against whether each candidate&apos;s own answer is right.</numerusform>
        </translation>
    </message>
    <message>
        <source>No annotator gave a verdict of their own (a verdict annotation labelled supported, partial, contradicted or unsupported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Annotators&apos; verdicts on %n candidate(s): %1 agree with the judge, Cohen&apos;s κ %2.</source>
        <translation>
            <numerusform>Annotators&apos; verdicts on %n candidate: %1 agree with the judge, Cohen&apos;s κ %2.</numerusform>
            <numerusform>Annotators&apos; verdicts on %n candidates: %1 agree with the judge, Cohen&apos;s κ %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::Language</name>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::MainWindow</name>
    <message>
        <source>%1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened from the project&apos;s index cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to P&amp;rofile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to F&amp;indings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About R2P Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open D&amp;emo Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time R2P Workbench starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop indexing (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time-based</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user-based</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n user(s), %4 with gold</source>
        <translation>
            <numerusform>%1 · %2 · %3 · %n user, %4 with gold</numerusform>
            <numerusform>%1 · %2 · %3 · %n users, %4 with gold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P projects (*.r2p)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; open it with File ▸ Open Project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P projects (*.r2p);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a LaMP questions file (a JSON array), with its outputs file if you have it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through the focused list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About R2P Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;R2P Workbench&lt;/b&gt; %1&lt;br/&gt;Looks inside personalized generation by large reasoning models on the LaMP benchmark.&lt;br/&gt;Project file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to R&amp;easoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;Batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with a backend or input failure</source>
        <translation>
            <numerusform>%n user with a backend or input failure</numerusform>
            <numerusform>%n users with a backend or input failure</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with a contradicted candidate</source>
        <translation>
            <numerusform>%n user with a contradicted candidate</numerusform>
            <numerusform>%n users with a contradicted candidate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) whose R2P answer is not in the task&apos;s format</source>
        <translation>
            <numerusform>%n user whose R2P answer is not in the task&apos;s format</numerusform>
            <numerusform>%n users whose R2P answer is not in the task&apos;s format</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with RPI interventions</source>
        <translation>
            <numerusform>%n user with RPI interventions</numerusform>
            <numerusform>%n users with RPI interventions</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all users</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %n finding(s)</source>
        <translation>
            <numerusform>Run %1: %n finding</numerusform>
            <numerusform>Run %1: %n findings</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;play Stored Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay &amp;Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay needs a stored run with this user: Run ▸ Run Batch… (Ctrl+B).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Run &amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;User Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to A&amp;nalysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report needs a stored run (Run ▸ Run Batch…, Ctrl+B)%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and a selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export User Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Run Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-contained HTML (*.html);;PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard Interactive Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Base&amp;line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored run of this dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare R2P &amp;Against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown run has no baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored run of this dataset to choose: Run ▸ Run Batch… (Ctrl+B).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown run has no other baseline to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List them in Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Interactive Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1 has %n annotation(s), which are deleted with it. Discard it?</source>
        <translation>
            <numerusform>Run %1 has %n annotation, which is deleted with it. Discard it?</numerusform>
            <numerusform>Run %1 has %n annotations, which are deleted with it. Discard it?</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 was not discarded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task holds until the project is closed, but could not be kept in it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;Runs…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::MetricsDock</name>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win / tie / loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(R2P better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-user Δ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens vs score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet. &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B) runs R2P and the baselines over the users; the results show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt; · %2 · backend %3 · compared on &lt;b&gt;%4&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P against %1 per user (%2; right: R2P better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P against each baseline (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reasoning tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens against %1 (one user in %2 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P − this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P&apos;s score minus this system&apos;s on the run&apos;s main metric, and which side it favours (for MAE and RMSE lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P&apos;s value minus the baseline&apos;s, in the metric&apos;s units, and whether that is better or worse for R2P (for MAE and RMSE lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired over the users both systems scored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P − %1 on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every user ties with %1: all Δ are 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no reasoning tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not plotted, no reasoning tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · R2P against &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (on screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 failed, %4 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, taken out %n time(s)</source>
        <translation>
            <numerusform>, taken out %n time</numerusform>
            <numerusform>, taken out %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoints — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervention tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers replayed from the project&apos;s response cache: no call was made for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted by the run&apos;s token counter for every system alike; the server&apos;s own count in brackets where it gave one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt tokens the server&apos;s prefix cache served, where it reported them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt and completion tokens of the requests after a level&apos;s first: what interventions and re-asks added (each one sends the whole context again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requests&apos; time summed, not the run&apos;s wall clock (requests overlap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting what the run cost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cost figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price for %1 in the price table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices per million tokens from the project&apos;s own table (r2p cost --set-prices).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices per million tokens from the shipped table (resources/llm/prices.json); r2p cost --set-prices gives the project its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean ± sample standard deviation of the metric over the stored repeats of this run (the same settings, seeds S, S+1, …); the 95% CI is this repeat&apos;s bootstrap interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n repeat(s) (runs %2): %3; from %4 to %5</source>
        <translation>
            <numerusform>%1 over %n repeat (run %2): %3; from %4 to %5</numerusform>
            <numerusform>%1 over %n repeats (runs %2): %3; from %4 to %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat %1 of %2 · %n repeat(s) stored (runs %3): see &lt;i&gt;Over repeats&lt;/i&gt;</source>
        <translation>
            <numerusform>Repeat %1 of %2 · %n repeat stored (run %3): see &lt;i&gt;Over repeats&lt;/i&gt;</numerusform>
            <numerusform>Repeat %1 of %2 · %n repeats stored (runs %3): see &lt;i&gt;Over repeats&lt;/i&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a user to show them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same user run by R2P with interventions off and the same seed (--shadow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>better with RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worse with RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>R2P with and without RPI (the run&apos;s shadow: the same users and seed, interventions off) on &lt;b&gt;%1&lt;/b&gt; over %n user(s) both scored: %2 with RPI, %3 without, Δ %4.</source>
        <translation>
            <numerusform>R2P with and without RPI (the run&apos;s shadow: the same users and seed, interventions off) on &lt;b&gt;%1&lt;/b&gt; over %n user both scored: %2 with RPI, %3 without, Δ %4.</numerusform>
            <numerusform>R2P with and without RPI (the run&apos;s shadow: the same users and seed, interventions off) on &lt;b&gt;%1&lt;/b&gt; over %n users both scored: %2 with RPI, %3 without, Δ %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>RPI intervened on %1 of them: it helped %2, hurt %3 and changed nothing for %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) without any intervention still score differently: the shadow is not a faithful replay (the backend does not repeat itself at this seed), so part of each difference is sampling, not RPI.</source>
        <translation>
            <numerusform>%n user without any intervention still scores differently: the shadow is not a faithful replay (the backend does not repeat itself at this seed), so part of each difference is sampling, not RPI.</numerusform>
            <numerusform>%n users without any intervention still score differently: the shadow is not a faithful replay (the backend does not repeat itself at this seed), so part of each difference is sampling, not RPI.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table lists the %1 largest changes of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hurt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With RPI − without: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bootstrap intervals are being computed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::OpenDatasetDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open LaMP Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. …/LaMP_3/dev_questions.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: the matching *_outputs.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questions file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaMP questions file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outputs file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaMP outputs file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a LaMP questions file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like an outputs file (a JSON object); the questions file is a JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no outputs file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::PairedUsersModel</name>
    <message>
        <source>Unknown filter &quot;%1&quot;: use is:regression, is:improvement or is:tie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>improvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B − A in the user&apos;s %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ (B − A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correctness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absolute error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>squared error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::ProfileDock</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user to see every item of their profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BM25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the profile is ranked against the query (BM25 is LaMP-exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many top-ranked items count as retrieved (0: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every profile item, the retrieved ones in bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched query terms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the profile</source>
        <translation>
            <numerusform>%n item in the profile</numerusform>
            <numerusform>%n items in the profile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retrieved</source>
        <translation>
            <numerusform>%n retrieved</numerusform>
            <numerusform>%n retrieved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message>
        <source>(also %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::ProfileModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BM25 score; rankers without a score show (n − rank) / n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::QueryDock</name>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author&apos;s paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate [1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate [2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movie description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tweet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a user in the Users list to see the task input, its parts and the gold answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile item(s)</source>
        <translation>
            <numerusform>%n profile item</numerusform>
            <numerusform>%n profile items</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show this record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(gold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (no outputs file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BM25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval query (%1, k = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReasoningDock</name>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run from Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Output…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user to run R2P on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &lt;b&gt;%1&lt;/b&gt; · backend &lt;b&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · running &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · finished: answer &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · next: &lt;b&gt;%1&lt;/b&gt; (F10 steps, F5 runs to the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · ⚑ %n intervention(s)</source>
        <translation>
            <numerusform> · ⚑ %n intervention</numerusform>
            <numerusform> · ⚑ %n interventions</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;⚑ %1&lt;/b&gt; (%2 mode) — %3&lt;br&gt;%4&lt;br&gt;&lt;i&gt;Injected:&lt;/i&gt; %5&lt;br&gt;&lt;i&gt;Outcome:&lt;/i&gt; %6&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No interventions in this stage.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interventions ⚑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not run yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the output of %1; everything after it runs again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · answer &lt;b&gt;%1&lt;/b&gt; (F10 runs the engine on this user afresh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · stored as run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every stage as a table instead of the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bars by Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bar lengths by tokens generated instead of elapsed time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#808080&apos;&gt;Gold: %1 · %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer in the task&apos;s format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer not in the format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected stage&apos;s text, or a tagged system&apos;s chain for this user in the shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 chain (run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s own tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spans as stored (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto-tagged by the %1: rules, not a language model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset to see tagged chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user of the shown run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no finished %2 chain for user %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no reasoning chain to tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the annotator first (Annotations dock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-steps covered: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReasoningLengthView</name>
    <message numerus="yes">
        <source>%1 [%2, %3] (%n user(s))</source>
        <translation>
            <numerusform>%1 [%2, %3] (%n user)</numerusform>
            <numerusform>%1 [%2, %3] (%n users)</numerusform>
        </translation>
    </message>
    <message>
        <source>Bins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HRT level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens the level took for the answers that were right: median [25th, 75th percentile] (users)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a stored run in the Users view to see its reasoning length against its metric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by reasoning tokens per answer (%2 is better); the band is the 95% bootstrap interval of each bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against reasoning tokens per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens per answer (bin mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right (the answer is correct)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right (exactly the gold rating)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right (ROUGE at least the system&apos;s median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong (the others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantile bins of each system&apos;s reasoning tokens per answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::Report</name>
    <message>
        <source>offline (no LLM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay (response cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verdict of candidate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated by R2P Workbench on %1 (UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 has no run %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HRT template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, k = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI interventions per stage (at most)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P run %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stakeholder report of a stored run: how it was set up, how each system scored, where R2P won and lost against the baselines, and what annotators found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users, format and reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interventions per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P against each baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has no baseline to compare R2P with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired over the users both systems scored: Δ = R2P − baseline in the metric&apos;s units (for MAE and RMSE a negative Δ means R2P is better), with a paired bootstrap interval and the users won, tied and lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(R2P better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram of per-user deltas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win, tie and loss against each baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-reference verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verdicts are stored for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has annotated this run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) on this run.</source>
        <translation>
            <numerusform>%n annotation on this run.</numerusform>
            <numerusform>%n annotations on this run.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failure label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst users against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P was worse than %1 for no user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The users where R2P lost most against %1 on %2 (at most 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions file %1 is not available unchanged, so the input is not shown; the query retrieval used is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions file has no record of this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected thought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final answer: candidate %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no user &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 — R2P run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · backend %2 · model %3 · HRT template %4 v%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the split has no outputs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieved history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query used for retrieval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P has no stored trace for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verdicts are stored for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has annotated this user on this run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report %1: the file must end in .html or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report %1: the PDF could not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each system&apos;s LaMP metrics over the users it finished. Intervals: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P − %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer only, on the main chain&apos;s levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>independent, each from the first level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combined by the model from the verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the best-supported candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, temperature %2, at most %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The run was spread over %n replica(s) of its model. Requests count every attempt sent; a failed one was retried on another replica.</source>
        <translation>
            <numerusform>The run was spread over %n replica of its model. Requests count every attempt sent; a failed one was retried on another replica.</numerusform>
            <numerusform>The run was spread over %n replicas of its model. Requests count every attempt sent; a failed one was retried on another replica.</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s own settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervention tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests count every attempt, interventions and re-asks included; intervention tokens are those of the requests after a step&apos;s first (each sends the whole context again). Money in %1 at the %2 price table&apos;s prices per million tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains checked against the tag set %1; intervals are 95% bootstrap intervals over the chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n chain(s)</source>
        <translation>
            <numerusform>%1: %n chain</numerusform>
            <numerusform>%1: %n chains</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean constraint score %1 %2; chains breaking a rule: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What RPI changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P was also run with interventions off (the same users and seed). On %1 over %2 users both scored: %3 with RPI, %4 without. RPI intervened on %5 of them: it helped %6, hurt %7 and changed nothing for %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 users without any intervention still score differently: part of each difference is sampling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hurt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReportCharts</name>
    <message>
        <source>Per-user Δ, R2P against %1 (%2; right of 0: R2P better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline %1 − R2P %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P %1 − baseline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P against each baseline: users won, tied and lost (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunController</name>
    <message>
        <source>offline (no LLM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay of a stored run (%1×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored run #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The finished run could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunResults</name>
    <message>
        <source>Run %1 has no %2 answers to compare R2P with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunText</name>
    <message>
        <source>Run %1 · interactive, user %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A one-user R2P run stored by the Reasoning dock (interactive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: %1 · model: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeat %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval: %1, k = %2 · seed %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-p %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::Session</name>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no %2 answers to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 cannot be compared on %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::Settings</name>
    <message>
        <source>this template is for %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline (no LLM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactive runs use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY (the variable&apos;s name; the key is never stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieved items (k):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates (M):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by sampling (temperature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by leaving one retrieved item out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates differ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI interventions per stage (at most):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline reasoner pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval and R2P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in this project and the template each used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This template is for %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Valid: %1, version %2, %n level(s).</source>
        <translation>
            <numerusform>Valid: %1, version %2, %n level.</numerusform>
            <numerusform>Valid: %1, version %2, %n levels.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each its own chain from the first level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer only, on the main chain&apos;s levels (cheaper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate chains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select the best-supported candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combine: the model writes it from the verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · template %4 version %5 (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text not kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::StageText</name>
    <message>
        <source>Retrieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile synthesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-reference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contradicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>markers and order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The level starts with its marker and no other level&apos;s marker appears in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The level stays within its token budget (no divergent thinking).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The synthesis cites retrieved items that exist, as [P1]…[Pk].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is in the task&apos;s exact format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaMP RAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRM RAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · candidate %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unparsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repetition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No span of words repeats in a loop (divergent rambling).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>violated again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave up: still violated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running (or stopped without a word: resumable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled (resumable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P without RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TagPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no gold output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lexical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P without HRT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P without cross-reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-step coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sub-step the template marks opens a line of the level with its marker.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::StageTimelineModel</name>
    <message>
        <source>HRT levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::StagesModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server tokens: %1 prompt, %2 completion, %3 reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server speed: %1 prompt tokens/s, %2 generated tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the response cache of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::TagChainView</name>
    <message>
        <source>Every tag constraint the chain breaks; click one to select its span</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · tag set &lt;i&gt;%2&lt;/i&gt; v%3 · %n segment(s)</source>
        <translation>
            <numerusform>%1 · tag set &lt;i&gt;%2&lt;/i&gt; v%3 · %n segment</numerusform>
            <numerusform>%1 · tag set &lt;i&gt;%2&lt;/i&gt; v%3 · %n segments</numerusform>
        </translation>
    </message>
    <message>
        <source> · constraint score &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;i&gt;still streaming: open tags are provisional&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Every constraint holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No violation so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text, then 1-9 tags it with the legend&apos;s n-th tag as your correction, 0 removes your tags over it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::TagsAnalysisView</name>
    <message>
        <source>%1 [%2, %3] · n %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments per tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system whose tag table, transitions and score chart are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a segment of the row&apos;s tag is followed by one of the column&apos;s; red: the tag set does not allow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a stored run with the tagpr system (r2p run --systems tagpr,...) to see its tagged chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the tagged chains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no tagged chains: run the tagpr system, or tag a chain by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n chain(s) under tag set &lt;i&gt;%2&lt;/i&gt;; mean constraint score %3 [%4, %5]. Chains breaking a rule: %6.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n chain under tag set &lt;i&gt;%2&lt;/i&gt;; mean constraint score %3 [%4, %5]. Chains breaking a rule: %6.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n chains under tag set &lt;i&gt;%2&lt;/i&gt;; mean constraint score %3 [%4, %5]. Chains breaking a rule: %6.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens (right answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens (wrong answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The per-user %1 (%2) of the chains with and without the tag: mean [95% bootstrap interval] · chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a tag of the project&apos;s tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3, not allowed by the tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by constraint score · r %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by constraint score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One point per chain: its constraint score and its user&apos;s %1 (%2); r is Pearson&apos;s correlation over the chains. A high score with a bad %1 is what reward hacking looks like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2: κ %3 over %4 characters of %n chain(s)</source>
        <translation>
            <numerusform>%1 and %2: κ %3 over %4 characters of %n chain</numerusform>
            <numerusform>%1 and %2: κ %3 over %4 characters of %n chains</numerusform>
        </translation>
    </message>
    <message>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement on tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reward model &lt;i&gt;%1&lt;/i&gt;: mean %2 over %n chain(s); r with %3: %4</source>
        <translation>
            <numerusform>Reward model &lt;i&gt;%1&lt;/i&gt;: mean %2 over %n chain; r with %3: %4</numerusform>
            <numerusform>Reward model &lt;i&gt;%1&lt;/i&gt;: mean %2 over %n chains; r with %3: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>r2p::ui::TaskText</name>
    <message>
        <source>citation identification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>movie tagging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>news categorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>news headline generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scholarly title generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email subject generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tweet paraphrasing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::Triage</name>
    <message>
        <source>Label %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the &amp;Whole Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Unannotated User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Unannotated User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle &amp;Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmark This</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triage &amp;Cheat-Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the Reasoning stream, then a number: label that span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a stage or verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then a number: label that stage or verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the annotation list: remove the selected annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triage Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks mark users of a stored run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked user %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Label, Removal or Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::UserFilter</name>
    <message>
        <source>“%1”: profile needs a number, e.g. profile&gt;50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: delta needs a number, e.g. delta&lt;0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: tag-score needs a number, e.g. tag-score&lt;0.8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: unknown filter; use id:, gold:, user:, profile&gt;N, has:gold, is:worse, is:better, delta&lt;X, has:intervention, has:contradicted, has:annotation, no:annotation, label:ID, has:tag-violation, missing-tag:ID, tag-score&lt;X</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::UsersDock</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a LaMP questions file (with its outputs file, if you have it), drop one on the window, or try the bundled demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets in this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: words, id:, gold:, profile&gt;50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown task</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2/%3 · %n user(s)</source>
        <translation>
            <numerusform>%1 · %2/%3 · %n user</numerusform>
            <numerusform>%1 · %2/%3 · %n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s)</source>
        <translation>
            <numerusform>%1 of %n user</numerusform>
            <numerusform>%1 of %n users</numerusform>
        </translation>
    </message>
    <message>
        <source>Plain words match id or gold. id:, gold:, user: match one column; profile&gt;N, profile&lt;=N compare profile sizes; has:gold, no:gold. With a run shown: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored run whose answers and deltas the users show (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baseline R2P is compared with: the Δ column, Metrics, Compare, Slices and reports follow it (Shift+F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 cannot be shown: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored run: Run ▸ Run Batch… (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain words match id or gold. id:, gold:, user: match one column; profile&gt;N, profile&lt;=N compare profile sizes; has:gold, no:gold. With a run shown: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure; on tagged chains: has:tag-violation, missing-tag:ID, tag-score&lt;X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metric R2P is compared on: the scores and Δ here, Metrics&apos; comparison and charts, Slices and reports follow it. A run&apos;s own main metric until you pick one (ROUGE-1 unless it was run with another).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading run %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::UsersModel</name>
    <message>
        <source>No gold output for this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the questions file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of profile items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold output from the outputs file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id (time-based splits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contradicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P&apos;s final answer and its score in the shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baseline&apos;s answer and score in the shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPI interventions in R2P&apos;s run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates the cross-reference found contradicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) on the shown run</source>
        <translation>
            <numerusform>%n annotation on the shown run</numerusform>
            <numerusform>%n annotations on the shown run</numerusform>
        </translation>
    </message>
    <message>
        <source>annotated on an earlier run of this questions file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure annotations on the shown run (◷: annotated on an earlier run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P minus %1 on %2: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2P minus the baseline on the task&apos;s main metric (green: R2P better, red: R2P worse; for MAE and RMSE lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::VerdictsDock</name>
    <message>
        <source>Verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Final:&lt;/b&gt; %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;No final choice yet: the cross-reference stage has not run.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates against the retrieved items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile item %1 (retrieval score %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>r2p::ui::VerdictsModel</name>
    <message>
        <source>chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retrieved items the cross-reference found supporting this candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far this candidate agrees with the other candidates (the cross-reference&apos;s consensus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidate the cross-reference chose as the final answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

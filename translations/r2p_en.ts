<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>The demo file %1 is missing from this build.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>R2P Workbench: look inside personalized generation by large reasoning models on LaMP.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this project file (*.r2p).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this LaMP questions file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its outputs file (default: the one beside it).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set the task instead of detecting it (LaMP-1 … LaMP-7, LaMP-2N).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the bundled demo dataset of this task.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select this question id once loaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save a PNG of the window once everything is loaded, then quit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interface language (en, de, zh_CN).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown task %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no demo for task %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot open the project %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no user with id %1 in this dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>timed out waiting for the dataset to load</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::FindingText</name>
    <message>
        <source>Info</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Malformed JSON at line %1, column %2 (%3). The %n record(s) before it were kept.</source>
        <translation><numerusform>Malformed JSON at line %1, column %2 (%3). The %n record before it was kept.</numerusform><numerusform>Malformed JSON at line %1, column %2 (%3). The %n records before it were kept.</numerusform></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The file ends in the middle of the JSON (truncated?). The %n complete record(s) were kept.</source>
        <translation><numerusform>The file ends in the middle of the JSON (truncated?). The %n complete record was kept.</numerusform><numerusform>The file ends in the middle of the JSON (truncated?). The %n complete records were kept.</numerusform></translation>
    </message>
    <message>
        <source>Not a LaMP questions file: the top level must be a JSON array of records.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The outputs file could not be used: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n more record(s) with a wrong shape were skipped.</source>
        <translation><numerusform>%n more record with a wrong shape was skipped.</numerusform><numerusform>%n more records with a wrong shape were skipped.</numerusform></translation>
    </message>
    <message>
        <source>Record %1 skipped: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n duplicate id(s); later copies were skipped: %1</source>
        <translation><numerusform>%n duplicate id; later copies were skipped: %1</numerusform><numerusform>%n duplicate ids; later copies were skipped: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) have no output: %1</source>
        <translation><numerusform>%n question has no output: %1</numerusform><numerusform>%n questions have no output: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n output(s) have no question: %1</source>
        <translation><numerusform>%n output has no question: %1</numerusform><numerusform>%n outputs have no question: %1</numerusform></translation>
    </message>
    <message>
        <source>Task mismatch: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot tell the LaMP task from the outputs file or the inputs; choose it in Dataset ▸ Task.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No usable records were found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User %1 has an empty profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the record is not a JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"id" is not a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"user_id" is not a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"input" is not a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"profile" is not an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it has no "id"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it has no "input"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it has no "profile"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the entry is not an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it has no string "id"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it has no string "output"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a control character inside a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an invalid escape sequence in a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an invalid \u escape in a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an incomplete number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an invalid literal (expected true, false or null)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected a key in double quotes or '}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected a key in double quotes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected ':' after a key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected ',' or '}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected ',' or ']'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected a value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected data after the end of the top-level array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>profile item %1 is not an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>profile item %1 has no "id"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the outputs file says %1 but the inputs look like %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the outputs file names an unknown task “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrieval for user %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::FindingsDock</name>
    <message>
        <source>Findings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::Language</name>
    <message>
        <source>System default</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::MainWindow</name>
    <message>
        <source>Indexing %1…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation><numerusform>%n user</numerusform><numerusform>%n users</numerusform></translation>
    </message>
    <message>
        <source>Opened from the project's index cache.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Filter Users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Next User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Previous User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to &amp;Users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to &amp;Query</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to P&amp;rofile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to F&amp;indings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Cancel Indexing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About R2P Workbench</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open D&amp;emo Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Recent Projects</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Task</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The language changes the next time R2P Workbench starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop indexing (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No dataset open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown task</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>time-based</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user-based</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n user(s), %4 with gold</source>
        <translation><numerusform>%1 · %2 · %3 · %n user, %4 with gold</numerusform><numerusform>%1 · %2 · %3 · %n users, %4 with gold</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n finding</numerusform><numerusform>%n findings</numerusform></translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>R2P projects (*.r2p)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 already exists; open it with File ▸ Open Project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>R2P projects (*.r2p);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop a LaMP questions file (a JSON array), with its outputs file if you have it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move through the focused list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About R2P Workbench</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;R2P Workbench&lt;/b&gt; %1&lt;br/&gt;Looks inside personalized generation by large reasoning models on the LaMP benchmark.&lt;br/&gt;Project file: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::OpenDatasetDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open LaMP Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. …/LaMP_3/dev_questions.json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional: the matching *_outputs.json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Detect from the files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Questions file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LaMP questions file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Outputs file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LaMP outputs file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a LaMP questions file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This looks like an outputs file (a JSON object); the questions file is a JSON array.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no outputs file at %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::ProfileDock</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No profile to show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a user to see every item of their profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search this profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot show this record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BM25</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How the profile is ranked against the query (BM25 is LaMP-exact)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>k = </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How many top-ranked items count as retrieved (0: all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Full profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show every profile item, the retrieved ones in bold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matched query terms:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s) in the profile</source>
        <translation><numerusform>%n item in the profile</numerusform><numerusform>%n items in the profile</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n retrieved</source>
        <translation><numerusform>%n retrieved</numerusform><numerusform>%n retrieved</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation><numerusform>%n shown</numerusform><numerusform>%n shown</numerusform></translation>
    </message>
</context>
<context>
    <name>r2p::ui::ProfileModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BM25 score; rankers without a score show (n − rank) / n</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::QueryDock</name>
    <message>
        <source>Instruction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The author's paper</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Candidate [1]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Candidate [2]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Movie description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tweet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No user selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a user in the Users list to see the task input, its parts and the gold answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Task unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n profile item(s)</source>
        <translation><numerusform>%n profile item</numerusform><numerusform>%n profile items</numerusform></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot show this record:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(gold)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gold:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none (no outputs file)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BM25</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>recency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrieval query (%1, k = %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::TaskText</name>
    <message>
        <source>citation identification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>movie tagging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>news categorization</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>news headline generation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>scholarly title generation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>email subject generation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tweet paraphrasing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::UserFilter</name>
    <message>
        <source>“%1”: profile needs a number, e.g. profile&gt;50</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”: unknown filter; use id:, gold:, user:, profile&gt;N, has:gold</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>r2p::ui::UsersDock</name>
    <message>
        <source>Users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No dataset open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a LaMP questions file (with its outputs file, if you have it), drop one on the window, or try the bundled demo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Datasets in this project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter: words, id:, gold:, profile&gt;50</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Plain words match id or gold. id:, gold:, user: match one column; profile&gt;N, profile&lt;=N compare profile sizes; has:gold, no:gold.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown task</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %2/%3 · %n user(s)</source>
        <translation><numerusform>%1 · %2/%3 · %n user</numerusform><numerusform>%1 · %2/%3 · %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation><numerusform>%n user</numerusform><numerusform>%n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s)</source>
        <translation><numerusform>%1 of %n user</numerusform><numerusform>%1 of %n users</numerusform></translation>
    </message>
</context>
<context>
    <name>r2p::ui::UsersModel</name>
    <message>
        <source>No gold output for this user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Position in the questions file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of profile items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gold output from the outputs file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User id (time-based splits)</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>

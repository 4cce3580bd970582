<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>The demo file %1 is missing from this build.</source>
        <translation>Die Demodatei %1 fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>R2P Workbench: look inside personalized generation by large reasoning models on LaMP.</source>
        <translation>R2P-Werkbank: personalisierte Generierung großer Reasoning-Modelle auf LaMP untersuchen.</translation>
    </message>
    <message>
        <source>Open this project file (*.r2p).</source>
        <translation>Diese Projektdatei (*.r2p) öffnen.</translation>
    </message>
    <message>
        <source>Open this LaMP questions file.</source>
        <translation>Diese LaMP-Fragendatei öffnen.</translation>
    </message>
    <message>
        <source>Its outputs file (default: the one beside it).</source>
        <translation>Die zugehörige Ausgabedatei (Standard: die daneben liegende).</translation>
    </message>
    <message>
        <source>Set the task instead of detecting it (LaMP-1 … LaMP-7, LaMP-2N).</source>
        <translation>Aufgabe festlegen statt erkennen (LaMP-1 … LaMP-7, LaMP-2N).</translation>
    </message>
    <message>
        <source>Open the bundled demo dataset of this task.</source>
        <translation>Den mitgelieferten Demodatensatz dieser Aufgabe öffnen.</translation>
    </message>
    <message>
        <source>Select this question id once loaded.</source>
        <translation>Diese Frage-ID nach dem Laden auswählen.</translation>
    </message>
    <message>
        <source>Save a PNG of the window once everything is loaded, then quit.</source>
        <translation>Nach dem Laden ein PNG des Fensters speichern und beenden.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>Fenstergröße, z. B. 1600x1000.</translation>
    </message>
    <message>
        <source>Interface language (en, de, zh_CN).</source>
        <translation>Sprache der Oberfläche (en, de, zh_CN).</translation>
    </message>
    <message>
        <source>unknown task %1</source>
        <translation>unbekannte Aufgabe %1</translation>
    </message>
    <message>
        <source>no demo for task %1</source>
        <translation>keine Demo für Aufgabe %1</translation>
    </message>
    <message>
        <source>cannot open the project %1</source>
        <translation>Projekt %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>no user with id %1 in this dataset</source>
        <translation>kein Nutzer mit ID %1 in diesem Datensatz</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>timed out waiting for the dataset to load</source>
        <translation>Zeitüberschreitung beim Laden des Datensatzes</translation>
    </message>
    <message>
        <source>Run R2P to the end on the selected user once it is loaded.</source>
        <translation>R2P für den ausgewählten Benutzer bis zum Ende ausführen, sobald er geladen ist.</translation>
    </message>
    <message>
        <source>Bring the Metrics dock to the front on this page (user, run, deltas, wtl or tokens).</source>
        <translation>Das Metrik-Dock auf dieser Seite nach vorn holen (user, run, deltas, wtl oder tokens).</translation>
    </message>
    <message>
        <source>Bring the Compare dock to the front.</source>
        <translation>Das Vergleichs-Dock nach vorn holen.</translation>
    </message>
    <message>
        <source>Start in presentation mode (large type, no raw prompts).</source>
        <translation>Im Präsentationsmodus starten (große Schrift, keine Roh-Prompts).</translation>
    </message>
    <message>
        <source>Theme: system, light or dark.</source>
        <translation>Design: system, light oder dark.</translation>
    </message>
    <message>
        <source>Open a dialog once loaded (batch or settings); --screenshot then saves the dialog.</source>
        <translation>Nach dem Laden einen Dialog öffnen (batch oder settings); --screenshot speichert dann den Dialog.</translation>
    </message>
    <message>
        <source>unknown dialog %1</source>
        <translation>unbekannter Dialog %1</translation>
    </message>
</context>
<context>
    <name>r2p::ui::BatchDialog</name>
    <message>
        <source>Run Batch</source>
        <translation>Batch ausführen</translation>
    </message>
    <message>
        <source>Systems:</source>
        <translation>Systeme:</translation>
    </message>
    <message numerus="yes">
        <source>All %n user(s)</source>
        <translation>
            <numerusform>Alle %n Benutzer</numerusform>
            <numerusform>Alle %n Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n user(s) the filter shows</source>
        <translation>
            <numerusform>Der %n Benutzer, den der Filter zeigt</numerusform>
            <numerusform>Die %n Benutzer, die der Filter zeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>The first</source>
        <translation>Die ersten</translation>
    </message>
    <message>
        <source> users</source>
        <translation> Benutzer</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>offline (no LLM)</source>
        <translation>offline (kein LLM)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Replay from the response cache</source>
        <translation>Wiedergabe aus dem Antwort-Cache</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>Server-URL:</translation>
    </message>
    <message>
        <source>e.g. deepseek-r1-distill-qwen-7b</source>
        <translation>z. B. deepseek-r1-distill-qwen-7b</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Users at once:</source>
        <translation>Benutzer gleichzeitig:</translation>
    </message>
    <message>
        <source>Retrieved items (k):</source>
        <translation>Abgerufene Einträge (k):</translation>
    </message>
    <message>
        <source>Candidates (M):</source>
        <translation>Kandidaten (M):</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>Nicht gestartet.</translation>
    </message>
    <message>
        <source>Failures appear here, each naming its user and system.</source>
        <translation>Fehler erscheinen hier, jeweils mit Benutzer und System.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Cancelling: users in flight are dropped, finished ones stay stored…</source>
        <translation>Wird abgebrochen: laufende Benutzer werden verworfen, fertige bleiben gespeichert…</translation>
    </message>
    <message>
        <source>Choose at least one system.</source>
        <translation>Wählen Sie mindestens ein System.</translation>
    </message>
    <message>
        <source>There are no users to run.</source>
        <translation>Es gibt keine Benutzer zum Ausführen.</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: starting %n user(s)…</source>
        <translation>
            <numerusform>Lauf %1: %n Benutzer wird gestartet…</numerusform>
            <numerusform>Lauf %1: %n Benutzer werden gestartet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1: %2 of %3 users · %4 failed · ETA %5 s · %6 tokens/s</source>
        <translation>Lauf %1: %2 von %3 Benutzern · %4 fehlgeschlagen · noch %5 s · %6 Tokens/s</translation>
    </message>
    <message>
        <source>Run %1 stopped: %2</source>
        <translation>Lauf %1 angehalten: %2</translation>
    </message>
    <message>
        <source>Run %1 cancelled after %2 users; finished users are stored. Resume continues with the rest.</source>
        <translation>Lauf %1 nach %2 Benutzern abgebrochen; fertige Benutzer sind gespeichert. Fortsetzen macht mit dem Rest weiter.</translation>
    </message>
    <message>
        <source>Run %1 finished: %2 users, %3 failed.</source>
        <translation>Lauf %1 fertig: %2 Benutzer, %3 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>r2p::ui::CompareDock</name>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>R2P against:</source>
        <translation>R2P gegen:</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not in this run.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Nicht in diesem Lauf.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Failed: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b71c1c&apos;&gt;Fehlgeschlagen: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Antwort:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>in format</source>
        <translation>im Format</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b71c1c&apos;&gt;not in format&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b71c1c&apos;&gt;nicht im Format&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Compare needs a stored run: &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B).</source>
        <translation>Der Vergleich braucht einen gespeicherten Lauf: &lt;i&gt;Ausführen ▸ Batch ausführen…&lt;/i&gt; (Strg+B).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1 · marked: the words R2P shares with it</source>
        <translation>&lt;b&gt;Referenz:&lt;/b&gt; %1 · markiert: die Wörter, die R2P mit ihr teilt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Referenz:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;No gold output for this user.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Referenzausgabe für diesen Benutzer.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingText</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Malformed JSON at line %1, column %2 (%3). The %n record(s) before it were kept.</source>
        <translation>
            <numerusform>Fehlerhaftes JSON in Zeile %1, Spalte %2 (%3). Der %n Datensatz davor wurde behalten.</numerusform>
            <numerusform>Fehlerhaftes JSON in Zeile %1, Spalte %2 (%3). Die %n Datensätze davor wurden behalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>The file ends in the middle of the JSON (truncated?). The %n complete record(s) were kept.</source>
        <translation>
            <numerusform>Die Datei endet mitten im JSON (abgeschnitten?). Der %n vollständige Datensatz wurde behalten.</numerusform>
            <numerusform>Die Datei endet mitten im JSON (abgeschnitten?). Die %n vollständigen Datensätze wurden behalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a LaMP questions file: the top level must be a JSON array of records.</source>
        <translation>Keine LaMP-Fragendatei: Die oberste Ebene muss ein JSON-Array von Datensätzen sein.</translation>
    </message>
    <message>
        <source>The outputs file could not be used: %1</source>
        <translation>Die Ausgabedatei konnte nicht verwendet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more record(s) with a wrong shape were skipped.</source>
        <translation>
            <numerusform>%n weiterer Datensatz mit falscher Struktur wurde übersprungen.</numerusform>
            <numerusform>%n weitere Datensätze mit falscher Struktur wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Record %1 skipped: %2</source>
        <translation>Datensatz %1 übersprungen: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate id(s); later copies were skipped: %1</source>
        <translation>
            <numerusform>%n doppelte ID; spätere Kopien wurden übersprungen: %1</numerusform>
            <numerusform>%n doppelte IDs; spätere Kopien wurden übersprungen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) have no output: %1</source>
        <translation>
            <numerusform>%n Frage hat keine Ausgabe: %1</numerusform>
            <numerusform>%n Fragen haben keine Ausgabe: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n output(s) have no question: %1</source>
        <translation>
            <numerusform>%n Ausgabe hat keine Frage: %1</numerusform>
            <numerusform>%n Ausgaben haben keine Frage: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Task mismatch: %1</source>
        <translation>Aufgaben passen nicht zusammen: %1</translation>
    </message>
    <message>
        <source>Cannot tell the LaMP task from the outputs file or the inputs; choose it in Dataset ▸ Task.</source>
        <translation>Die LaMP-Aufgabe lässt sich weder aus der Ausgabedatei noch aus den Eingaben erkennen; wählen Sie sie unter Datensatz ▸ Aufgabe.</translation>
    </message>
    <message>
        <source>No usable records were found.</source>
        <translation>Es wurden keine verwendbaren Datensätze gefunden.</translation>
    </message>
    <message>
        <source>User %1 has an empty profile.</source>
        <translation>Nutzer %1 hat ein leeres Profil.</translation>
    </message>
    <message>
        <source>the record is not a JSON object</source>
        <translation>der Datensatz ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>&quot;id&quot; is not a string</source>
        <translation>„id“ ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;user_id&quot; is not a string</source>
        <translation>„user_id“ ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;input&quot; is not a string</source>
        <translation>„input“ ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;profile&quot; is not an array</source>
        <translation>„profile“ ist kein Array</translation>
    </message>
    <message>
        <source>it has no &quot;id&quot;</source>
        <translation>ihm fehlt „id“</translation>
    </message>
    <message>
        <source>it has no &quot;input&quot;</source>
        <translation>ihm fehlt „input“</translation>
    </message>
    <message>
        <source>it has no &quot;profile&quot;</source>
        <translation>ihm fehlt „profile“</translation>
    </message>
    <message>
        <source>the entry is not an object</source>
        <translation>der Eintrag ist kein Objekt</translation>
    </message>
    <message>
        <source>it has no string &quot;id&quot;</source>
        <translation>ihm fehlt eine Zeichenkette „id“</translation>
    </message>
    <message>
        <source>it has no string &quot;output&quot;</source>
        <translation>ihm fehlt eine Zeichenkette „output“</translation>
    </message>
    <message>
        <source>a control character inside a string</source>
        <translation>ein Steuerzeichen in einer Zeichenkette</translation>
    </message>
    <message>
        <source>an invalid escape sequence in a string</source>
        <translation>eine ungültige Escape-Sequenz in einer Zeichenkette</translation>
    </message>
    <message>
        <source>an invalid \u escape in a string</source>
        <translation>ein ungültiges \u-Escape in einer Zeichenkette</translation>
    </message>
    <message>
        <source>an incomplete number</source>
        <translation>eine unvollständige Zahl</translation>
    </message>
    <message>
        <source>an invalid literal (expected true, false or null)</source>
        <translation>ein ungültiges Literal (erwartet true, false oder null)</translation>
    </message>
    <message>
        <source>expected a key in double quotes or &apos;}&apos;</source>
        <translation>erwartet einen Schlüssel in doppelten Anführungszeichen oder &apos;}&apos;</translation>
    </message>
    <message>
        <source>expected a key in double quotes</source>
        <translation>erwartet einen Schlüssel in doppelten Anführungszeichen</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a key</source>
        <translation>erwartet &apos;:&apos; nach einem Schlüssel</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>erwartet &apos;,&apos; oder &apos;}&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>erwartet &apos;,&apos; oder &apos;]&apos;</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>erwartet einen Wert</translation>
    </message>
    <message>
        <source>unexpected data after the end of the top-level array</source>
        <translation>unerwartete Daten nach dem Ende des obersten Arrays</translation>
    </message>
    <message>
        <source>profile item %1 is not an object</source>
        <translation>Profileintrag %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>profile item %1 has no &quot;id&quot;</source>
        <translation>Profileintrag %1 fehlt „id“</translation>
    </message>
    <message>
        <source>the outputs file says %1 but the inputs look like %2</source>
        <translation>die Ausgabedatei nennt %1, aber die Eingaben sehen nach %2 aus</translation>
    </message>
    <message>
        <source>the outputs file names an unknown task “%1”</source>
        <translation>die Ausgabedatei nennt eine unbekannte Aufgabe „%1“</translation>
    </message>
    <message>
        <source>Retrieval for user %1: %2</source>
        <translation>Retrieval für Nutzer %1: %2</translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingsDock</name>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
</context>
<context>
    <name>r2p::ui::FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Language</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>r2p::ui::MainWindow</name>
    <message>
        <source>Indexing %1…</source>
        <translation>%1 wird indiziert…</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Nutzer</numerusform>
            <numerusform>%n Nutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened from the project&apos;s index cache.</source>
        <translation>Aus dem Index-Cache des Projekts geöffnet.</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>Datensatz ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation>&amp;Demodatensatz öffnen</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Filter Users</source>
        <translation>Nutzer &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Search Profile</source>
        <translation>Profil &amp;durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Next User</source>
        <translation>&amp;Nächster Nutzer</translation>
    </message>
    <message>
        <source>&amp;Previous User</source>
        <translation>&amp;Vorheriger Nutzer</translation>
    </message>
    <message>
        <source>Go to &amp;Users</source>
        <translation>Zu &amp;Nutzern</translation>
    </message>
    <message>
        <source>Go to &amp;Query</source>
        <translation>Zur &amp;Anfrage</translation>
    </message>
    <message>
        <source>Go to P&amp;rofile</source>
        <translation>Zum P&amp;rofil</translation>
    </message>
    <message>
        <source>Go to F&amp;indings</source>
        <translation>Zu den &amp;Befunden</translation>
    </message>
    <message>
        <source>&amp;Cancel Indexing</source>
        <translation>Indizierung &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About R2P Workbench</source>
        <translation>Ü&amp;ber die R2P-Werkbank</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open D&amp;emo Dataset</source>
        <translation>D&amp;emodatensatz öffnen</translation>
    </message>
    <message>
        <source>&amp;Recent Projects</source>
        <translation>&amp;Zuletzt verwendete Projekte</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>Daten&amp;satz</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Aufgabe</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time R2P Workbench starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start der R2P-Werkbank.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop indexing (Esc)</source>
        <translation>Indizierung stoppen (Esc)</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>Kein Datensatz geöffnet</translation>
    </message>
    <message>
        <source>unknown task</source>
        <translation>unbekannte Aufgabe</translation>
    </message>
    <message>
        <source>time-based</source>
        <translation>zeitbasiert</translation>
    </message>
    <message>
        <source>user-based</source>
        <translation>nutzerbasiert</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n user(s), %4 with gold</source>
        <translation>
            <numerusform>%1 · %2 · %3 · %n Nutzer, %4 mit Referenz</numerusform>
            <numerusform>%1 · %2 · %3 · %n Nutzer, %4 mit Referenz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt verwendeten Projekte</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>R2P projects (*.r2p)</source>
        <translation>R2P-Projekte (*.r2p)</translation>
    </message>
    <message>
        <source>%1 already exists; open it with File ▸ Open Project.</source>
        <translation>%1 existiert bereits; öffnen Sie es mit Datei ▸ Projekt öffnen.</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>R2P projects (*.r2p);;All files (*)</source>
        <translation>R2P-Projekte (*.r2p);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>Demo kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Drop a LaMP questions file (a JSON array), with its outputs file if you have it.</source>
        <translation>Legen Sie eine LaMP-Fragendatei (ein JSON-Array) ab, gegebenenfalls mit ihrer Ausgabedatei.</translation>
    </message>
    <message>
        <source>Move through the focused list</source>
        <translation>Durch die fokussierte Liste bewegen</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About R2P Workbench</source>
        <translation>Über die R2P-Werkbank</translation>
    </message>
    <message>
        <source>&lt;b&gt;R2P Workbench&lt;/b&gt; %1&lt;br/&gt;Looks inside personalized generation by large reasoning models on the LaMP benchmark.&lt;br/&gt;Project file: %2</source>
        <translation>&lt;b&gt;R2P-Werkbank&lt;/b&gt; %1&lt;br/&gt;Untersucht personalisierte Generierung großer Reasoning-Modelle auf dem LaMP-Benchmark.&lt;br/&gt;Projektdatei: %2</translation>
    </message>
    <message>
        <source>Go to R&amp;easoning</source>
        <translation>Zu &amp;Reasoning wechseln</translation>
    </message>
    <message>
        <source>Go to &amp;Verdicts</source>
        <translation>Zu &amp;Urteilen wechseln</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run &amp;Batch…</source>
        <translation>&amp;Batch ausführen…</translation>
    </message>
    <message>
        <source>Open a dataset first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz.</translation>
    </message>
    <message>
        <source>Go to &amp;Metrics</source>
        <translation>Zu &amp;Metriken wechseln</translation>
    </message>
    <message>
        <source>Go to &amp;Compare</source>
        <translation>Zu &amp;Vergleich wechseln</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with a backend or input failure</source>
        <translation>
            <numerusform>%n Benutzer mit einem Backend- oder Eingabefehler</numerusform>
            <numerusform>%n Benutzer mit einem Backend- oder Eingabefehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with a contradicted candidate</source>
        <translation>
            <numerusform>%n Benutzer mit einem widerlegten Kandidaten</numerusform>
            <numerusform>%n Benutzer mit einem widerlegten Kandidaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) whose R2P answer is not in the task&apos;s format</source>
        <translation>
            <numerusform>%n Benutzer, dessen R2P-Antwort nicht im Format der Aufgabe ist</numerusform>
            <numerusform>%n Benutzer, deren R2P-Antwort nicht im Format der Aufgabe ist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) with RPI interventions</source>
        <translation>
            <numerusform>%n Benutzer mit RPI-Eingriffen</numerusform>
            <numerusform>%n Benutzer mit RPI-Eingriffen</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all users</source>
        <translation>Alle Benutzer zeigen</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %n finding(s)</source>
        <translation>
            <numerusform>Lauf %1: %n Befund</numerusform>
            <numerusform>Lauf %1: %n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Re&amp;play Stored Run</source>
        <translation>Gespeicherten Lauf &amp;wiedergeben</translation>
    </message>
    <message>
        <source>Replay &amp;Speed</source>
        <translation>Wiedergabe&amp;geschwindigkeit</translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation>Wie aufgezeichnet</translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation>%1× schneller</translation>
    </message>
    <message>
        <source>Replay needs a stored run with this user: Run ▸ Run Batch… (Ctrl+B).</source>
        <translation>Die Wiedergabe braucht einen gespeicherten Lauf mit diesem Benutzer: Ausführen ▸ Batch ausführen… (Strg+B).</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
</context>
<context>
    <name>r2p::ui::MetricsDock</name>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Δ to R2P</source>
        <translation>Δ zu R2P</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>Dieser Benutzer</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation>Reasoning-Tokens</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Eingriffe</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation>Δ (R2P − Vergleich)</translation>
    </message>
    <message>
        <source>Win / tie / loss</source>
        <translation>Sieg / Gleichstand / Niederlage</translation>
    </message>
    <message>
        <source>P(R2P better)</source>
        <translation>P(R2P besser)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Per-user Δ</source>
        <translation>Δ je Benutzer</translation>
    </message>
    <message>
        <source>Tokens vs score</source>
        <translation>Tokens gegen Bewertung</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>No run yet. &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B) runs R2P and the baselines over the users; the results show here.</source>
        <translation>Noch kein Lauf. &lt;i&gt;Ausführen ▸ Batch ausführen…&lt;/i&gt; (Strg+B) führt R2P und die Vergleichssysteme über die Benutzer aus; die Ergebnisse erscheinen hier.</translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt; · %2 · backend %3 · compared on &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>Lauf &lt;b&gt;%1&lt;/b&gt; · %2 · Backend %3 · verglichen mit &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>R2P against %1 per user (%2; right: R2P better)</source>
        <translation>R2P gegen %1 je Benutzer (%2; rechts: R2P besser)</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>R2P against each baseline (%1)</source>
        <translation>R2P gegen jedes Vergleichssystem (%1)</translation>
    </message>
    <message>
        <source>win</source>
        <translation>Sieg</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>Gleichstand</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Niederlage</translation>
    </message>
    <message>
        <source>Reasoning tokens against %1</source>
        <translation>Reasoning-Tokens gegen %1</translation>
    </message>
    <message>
        <source>reasoning tokens</source>
        <translation>Reasoning-Tokens</translation>
    </message>
    <message>
        <source>No such chart.</source>
        <translation>Dieses Diagramm gibt es nicht.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Reasoning tokens against %1 (one user in %2 shown)</source>
        <translation>Reasoning-Tokens gegen %1 (jeder %2. Benutzer gezeigt)</translation>
    </message>
</context>
<context>
    <name>r2p::ui::OpenDatasetDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Open LaMP Dataset</source>
        <translation>LaMP-Datensatz öffnen</translation>
    </message>
    <message>
        <source>e.g. …/LaMP_3/dev_questions.json</source>
        <translation>z. B. …/LaMP_3/dev_questions.json</translation>
    </message>
    <message>
        <source>optional: the matching *_outputs.json</source>
        <translation>optional: die passende *_outputs.json</translation>
    </message>
    <message>
        <source>Detect from the files</source>
        <translation>Aus den Dateien erkennen</translation>
    </message>
    <message>
        <source>&amp;Questions file:</source>
        <translation>&amp;Fragendatei:</translation>
    </message>
    <message>
        <source>LaMP questions file</source>
        <translation>LaMP-Fragendatei</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Outputs file:</source>
        <translation>&amp;Ausgabedatei:</translation>
    </message>
    <message>
        <source>LaMP outputs file</source>
        <translation>LaMP-Ausgabedatei</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>A&amp;ufgabe:</translation>
    </message>
    <message>
        <source>Choose a LaMP questions file.</source>
        <translation>Wählen Sie eine LaMP-Fragendatei.</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>Unter %1 gibt es keine Datei.</translation>
    </message>
    <message>
        <source>This looks like an outputs file (a JSON object); the questions file is a JSON array.</source>
        <translation>Das sieht nach einer Ausgabedatei aus (ein JSON-Objekt); die Fragendatei ist ein JSON-Array.</translation>
    </message>
    <message>
        <source>There is no outputs file at %1.</source>
        <translation>Unter %1 gibt es keine Ausgabedatei.</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ProfileDock</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>No profile to show</source>
        <translation>Kein Profil anzuzeigen</translation>
    </message>
    <message>
        <source>Select a user to see every item of their profile.</source>
        <translation>Wählen Sie einen Nutzer, um alle Einträge seines Profils zu sehen.</translation>
    </message>
    <message>
        <source>Search this profile</source>
        <translation>Dieses Profil durchsuchen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cannot show this record</source>
        <translation>Dieser Datensatz kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
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
        <translation>Aktualität</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>How the profile is ranked against the query (BM25 is LaMP-exact)</source>
        <translation>Wie das Profil gegen die Anfrage gerankt wird (BM25 entspricht LaMP exakt)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <source>How many top-ranked items count as retrieved (0: all)</source>
        <translation>Wie viele der bestplatzierten Einträge als abgerufen gelten (0: alle)</translation>
    </message>
    <message>
        <source>&amp;Full profile</source>
        <translation>&amp;Ganzes Profil</translation>
    </message>
    <message>
        <source>Show every profile item, the retrieved ones in bold</source>
        <translation>Alle Profileinträge zeigen, die abgerufenen fett</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Matched query terms:</source>
        <translation>Passende Anfragewörter:</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the profile</source>
        <translation>
            <numerusform>%n Eintrag im Profil</numerusform>
            <numerusform>%n Einträge im Profil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retrieved</source>
        <translation>
            <numerusform>%n abgerufen</numerusform>
            <numerusform>%n abgerufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n angezeigt</numerusform>
            <numerusform>%n angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>r2p::ui::ProfileModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>BM25 score; rankers without a score show (n − rank) / n</source>
        <translation>BM25-Wert; Ranker ohne Wert zeigen (n − Rang) / n</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
</context>
<context>
    <name>r2p::ui::QueryDock</name>
    <message>
        <source>Instruction</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>The author&apos;s paper</source>
        <translation>Das Paper des Autors</translation>
    </message>
    <message>
        <source>Candidate [1]</source>
        <translation>Kandidat [1]</translation>
    </message>
    <message>
        <source>Candidate [2]</source>
        <translation>Kandidat [2]</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Movie description</source>
        <translation>Filmbeschreibung</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Rezension</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Tweet</source>
        <translation>Tweet</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Kein Nutzer ausgewählt</translation>
    </message>
    <message>
        <source>Pick a user in the Users list to see the task input, its parts and the gold answer.</source>
        <translation>Wählen Sie einen Nutzer in der Nutzerliste, um die Aufgabeneingabe, ihre Teile und die Referenzantwort zu sehen.</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <source>Task unknown</source>
        <translation>Aufgabe unbekannt</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Nutzer %1</translation>
    </message>
    <message numerus="yes">
        <source>%n profile item(s)</source>
        <translation>
            <numerusform>%n Profileintrag</numerusform>
            <numerusform>%n Profileinträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cannot show this record:</source>
        <translation>Dieser Datensatz kann nicht angezeigt werden:</translation>
    </message>
    <message>
        <source>(gold)</source>
        <translation>(Referenz)</translation>
    </message>
    <message>
        <source>Gold:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <source>none (no outputs file)</source>
        <translation>keine (keine Ausgabedatei)</translation>
    </message>
    <message>
        <source>BM25</source>
        <translation>BM25</translation>
    </message>
    <message>
        <source>recency</source>
        <translation>Aktualität</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>Retrieval query (%1, k = %2)</source>
        <translation>Retrieval-Anfrage (%1, k = %2)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReasoningDock</name>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Run to End</source>
        <translation>Bis zum Ende</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel Stage</source>
        <translation>Stufe abbrechen</translation>
    </message>
    <message>
        <source>Re-run from Here</source>
        <translation>Ab hier neu ausführen</translation>
    </message>
    <message>
        <source>Edit Output…</source>
        <translation>Ausgabe bearbeiten…</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Parsed</source>
        <translation>Ausgewertet</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Eingriffe</translation>
    </message>
    <message>
        <source>Select a user to run R2P on it.</source>
        <translation>Wählen Sie einen Benutzer, um R2P auszuführen.</translation>
    </message>
    <message>
        <source>User &lt;b&gt;%1&lt;/b&gt; · backend &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Benutzer &lt;b&gt;%1&lt;/b&gt; · Backend &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · running &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · läuft: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · finished: answer &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · fertig: Antwort &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · next: &lt;b&gt;%1&lt;/b&gt; (F10 steps, F5 runs to the end)</source>
        <translation> · als Nächstes: &lt;b&gt;%1&lt;/b&gt; (F10 ein Schritt, F5 bis zum Ende)</translation>
    </message>
    <message numerus="yes">
        <source> · ⚑ %n intervention(s)</source>
        <translation>
            <numerusform> · ⚑ %n Eingriff</numerusform>
            <numerusform> · ⚑ %n Eingriffe</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;⚑ %1&lt;/b&gt; (%2 mode) — %3&lt;br&gt;%4&lt;br&gt;&lt;i&gt;Injected:&lt;/i&gt; %5&lt;br&gt;&lt;i&gt;Outcome:&lt;/i&gt; %6&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;⚑ %1&lt;/b&gt; (Modus %2) — %3&lt;br&gt;%4&lt;br&gt;&lt;i&gt;Eingefügt:&lt;/i&gt; %5&lt;br&gt;&lt;i&gt;Ergebnis:&lt;/i&gt; %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No interventions in this stage.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Eingriffe in dieser Stufe.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Interventions ⚑</source>
        <translation>Eingriffe ⚑</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Not run yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Noch nicht ausgeführt.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Edit Output</source>
        <translation>Ausgabe bearbeiten</translation>
    </message>
    <message>
        <source>Replace the output of %1; everything after it runs again.</source>
        <translation>Die Ausgabe von %1 ersetzen; alles danach wird neu ausgeführt.</translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunController</name>
    <message>
        <source>offline (no LLM)</source>
        <translation>offline (kein LLM)</translation>
    </message>
    <message>
        <source>replay of a stored run (%1×)</source>
        <translation>Wiedergabe eines gespeicherten Laufs (%1×)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Settings</name>
    <message>
        <source>this template is for %1, not %2</source>
        <translation>diese Vorlage ist für %1, nicht für %2</translation>
    </message>
</context>
<context>
    <name>r2p::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>offline (no LLM)</source>
        <translation>offline (kein LLM)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Interactive runs use:</source>
        <translation>Interaktive Läufe verwenden:</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>Voreinstellung wählen…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>Server-URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY (the variable&apos;s name; the key is never stored)</source>
        <translation>z. B. OPENAI_API_KEY (der Name der Variablen; der Schlüssel wird nie gespeichert)</translation>
    </message>
    <message>
        <source>API key variable:</source>
        <translation>Variable mit API-Schlüssel:</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Ranker:</source>
        <translation>Ranking:</translation>
    </message>
    <message>
        <source>Retrieved items (k):</source>
        <translation>Abgerufene Einträge (k):</translation>
    </message>
    <message>
        <source>Candidates (M):</source>
        <translation>Kandidaten (M):</translation>
    </message>
    <message>
        <source>by sampling (temperature)</source>
        <translation>durch Sampling (Temperatur)</translation>
    </message>
    <message>
        <source>by leaving one retrieved item out</source>
        <translation>durch Weglassen eines abgerufenen Eintrags</translation>
    </message>
    <message>
        <source>Candidates differ:</source>
        <translation>Kandidaten unterscheiden sich:</translation>
    </message>
    <message>
        <source>RPI interventions per stage (at most):</source>
        <translation>RPI-Eingriffe je Stufe (höchstens):</translation>
    </message>
    <message>
        <source> tokens/s</source>
        <translation> Tokens/s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>Offline reasoner pace:</source>
        <translation>Tempo des Offline-Reasoners:</translation>
    </message>
    <message>
        <source>Retrieval and R2P</source>
        <translation>Abruf und R2P</translation>
    </message>
    <message>
        <source>Restore Built-in</source>
        <translation>Eingebaute wiederherstellen</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Runs in this project and the template each used:</source>
        <translation>Läufe in diesem Projekt und die jeweils verwendete Vorlage:</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · template %4 version %5</source>
        <translation>Lauf %1 · %2 · %3 · Vorlage %4 Version %5</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Läufe.</translation>
    </message>
    <message>
        <source>This template is for %1, not %2.</source>
        <translation>Diese Vorlage ist für %1, nicht für %2.</translation>
    </message>
    <message numerus="yes">
        <source>Valid: %1, version %2, %n level(s).</source>
        <translation>
            <numerusform>Gültig: %1, Version %2, %n Ebene.</numerusform>
            <numerusform>Gültig: %1, Version %2, %n Ebenen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
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
        <translation>Abruf</translation>
    </message>
    <message>
        <source>Task analysis</source>
        <translation>Aufgabenanalyse</translation>
    </message>
    <message>
        <source>Profile synthesis</source>
        <translation>Profilsynthese</translation>
    </message>
    <message>
        <source>Answer plan</source>
        <translation>Antwortplan</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Cross-reference</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation>Endgültige Antwort</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation>Kandidat %1</translation>
    </message>
    <message>
        <source>Cross-reference %1</source>
        <translation>Abgleich %1</translation>
    </message>
    <message>
        <source>supported</source>
        <translation>gestützt</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>teilweise</translation>
    </message>
    <message>
        <source>contradicted</source>
        <translation>widerlegt</translation>
    </message>
    <message>
        <source>unsupported</source>
        <translation>ohne Beleg</translation>
    </message>
    <message>
        <source>markers and order</source>
        <translation>Marker und Reihenfolge</translation>
    </message>
    <message>
        <source>token budget</source>
        <translation>Token-Budget</translation>
    </message>
    <message>
        <source>citations</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>answer format</source>
        <translation>Antwortformat</translation>
    </message>
    <message>
        <source>The level starts with its marker and no other level&apos;s marker appears in it.</source>
        <translation>Die Ebene beginnt mit ihrem Marker, und kein Marker einer anderen Ebene kommt darin vor.</translation>
    </message>
    <message>
        <source>The level stays within its token budget (no divergent thinking).</source>
        <translation>Die Ebene bleibt in ihrem Token-Budget (kein abschweifendes Denken).</translation>
    </message>
    <message>
        <source>The synthesis cites retrieved items that exist, as [P1]…[Pk].</source>
        <translation>Die Synthese zitiert vorhandene abgerufene Einträge als [P1]…[Pk].</translation>
    </message>
    <message>
        <source>The answer is in the task&apos;s exact format.</source>
        <translation>Die Antwort hat genau das Format der Aufgabe.</translation>
    </message>
    <message>
        <source>R2P</source>
        <translation>R2P</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Ohne Profil</translation>
    </message>
    <message>
        <source>LaMP RAG</source>
        <translation>LaMP-RAG</translation>
    </message>
    <message>
        <source>LRM RAG</source>
        <translation>LRM-RAG</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>r2p::ui::StagesModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
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
        <translation>Zitationszuordnung</translation>
    </message>
    <message>
        <source>movie tagging</source>
        <translation>Film-Tagging</translation>
    </message>
    <message>
        <source>news categorization</source>
        <translation>Nachrichtenkategorisierung</translation>
    </message>
    <message>
        <source>product rating</source>
        <translation>Produktbewertung</translation>
    </message>
    <message>
        <source>news headline generation</source>
        <translation>Generierung von Schlagzeilen</translation>
    </message>
    <message>
        <source>scholarly title generation</source>
        <translation>Generierung wissenschaftlicher Titel</translation>
    </message>
    <message>
        <source>email subject generation</source>
        <translation>Generierung von E-Mail-Betreffen</translation>
    </message>
    <message>
        <source>tweet paraphrasing</source>
        <translation>Tweet-Paraphrasierung</translation>
    </message>
</context>
<context>
    <name>r2p::ui::UserFilter</name>
    <message>
        <source>“%1”: profile needs a number, e.g. profile&gt;50</source>
        <translation>„%1“: profile braucht eine Zahl, z. B. profile&gt;50</translation>
    </message>
    <message>
        <source>“%1”: delta needs a number, e.g. delta&lt;0</source>
        <translation>„%1“: delta braucht eine Zahl, z. B. delta&lt;0</translation>
    </message>
    <message>
        <source>“%1”: unknown filter; use id:, gold:, user:, profile&gt;N, has:gold, is:worse, is:better, delta&lt;X, has:intervention, has:contradicted</source>
        <translation>„%1“: unbekannter Filter; verwenden Sie id:, gold:, user:, profile&gt;N, has:gold, is:worse, is:better, delta&lt;X, has:intervention, has:contradicted</translation>
    </message>
</context>
<context>
    <name>r2p::ui::UsersDock</name>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>Kein Datensatz geöffnet</translation>
    </message>
    <message>
        <source>Open a LaMP questions file (with its outputs file, if you have it), drop one on the window, or try the bundled demo.</source>
        <translation>Öffnen Sie eine LaMP-Fragendatei (gegebenenfalls mit ihrer Ausgabedatei), ziehen Sie eine auf das Fenster oder probieren Sie die mitgelieferte Demo.</translation>
    </message>
    <message>
        <source>Datasets in this project</source>
        <translation>Datensätze in diesem Projekt</translation>
    </message>
    <message>
        <source>Filter: words, id:, gold:, profile&gt;50</source>
        <translation>Filter: Wörter, id:, gold:, profile&gt;50</translation>
    </message>
    <message>
        <source>unknown task</source>
        <translation>unbekannte Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2/%3 · %n user(s)</source>
        <translation>
            <numerusform>%1 · %2/%3 · %n Nutzer</numerusform>
            <numerusform>%1 · %2/%3 · %n Nutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Nutzer</numerusform>
            <numerusform>%n Nutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s)</source>
        <translation>
            <numerusform>%1 von %n Nutzer</numerusform>
            <numerusform>%1 von %n Nutzern</numerusform>
        </translation>
    </message>
    <message>
        <source>Plain words match id or gold. id:, gold:, user: match one column; profile&gt;N, profile&lt;=N compare profile sizes; has:gold, no:gold. With a run shown: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure.</source>
        <translation>Einfache Wörter suchen in ID oder Referenz. id:, gold:, user: suchen in einer Spalte; profile&gt;N, profile&lt;=N vergleichen Profilgrößen; has:gold, no:gold. Mit einem angezeigten Lauf: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure.</translation>
    </message>
</context>
<context>
    <name>r2p::ui::UsersModel</name>
    <message>
        <source>No gold output for this user</source>
        <translation>Keine Referenzausgabe für diesen Nutzer</translation>
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
        <translation>Profil</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Position in the questions file</source>
        <translation>Position in der Fragendatei</translation>
    </message>
    <message>
        <source>Question id</source>
        <translation>Frage-ID</translation>
    </message>
    <message>
        <source>Number of profile items</source>
        <translation>Anzahl der Profileinträge</translation>
    </message>
    <message>
        <source>Gold output from the outputs file</source>
        <translation>Referenzausgabe aus der Ausgabedatei</translation>
    </message>
    <message>
        <source>User id (time-based splits)</source>
        <translation>Nutzer-ID (zeitbasierte Aufteilungen)</translation>
    </message>
    <message>
        <source>R2P minus %1 on %2</source>
        <translation>R2P minus %1 bei %2</translation>
    </message>
    <message>
        <source>R2P</source>
        <translation>R2P</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Vergleich</translation>
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
        <translation>Widerlegt</translation>
    </message>
    <message>
        <source>R2P&apos;s final answer and its score in the shown run</source>
        <translation>Die endgültige Antwort von R2P und ihre Bewertung im angezeigten Lauf</translation>
    </message>
    <message>
        <source>The baseline&apos;s answer and score in the shown run</source>
        <translation>Antwort und Bewertung des Vergleichssystems im angezeigten Lauf</translation>
    </message>
    <message>
        <source>R2P minus the baseline on the task&apos;s main metric (green: R2P better)</source>
        <translation>R2P minus Vergleichssystem bei der Hauptmetrik der Aufgabe (grün: R2P besser)</translation>
    </message>
    <message>
        <source>RPI interventions in R2P&apos;s run</source>
        <translation>RPI-Eingriffe im R2P-Lauf</translation>
    </message>
    <message>
        <source>Candidates the cross-reference found contradicted</source>
        <translation>Kandidaten, die der Abgleich als widerlegt fand</translation>
    </message>
</context>
<context>
    <name>r2p::ui::VerdictsDock</name>
    <message>
        <source>Verdicts</source>
        <translation>Urteile</translation>
    </message>
    <message>
        <source>&lt;b&gt;Final:&lt;/b&gt; %1 — %2</source>
        <translation>&lt;b&gt;Endgültig:&lt;/b&gt; %1 — %2</translation>
    </message>
    <message>
        <source>&lt;i&gt;No final choice yet: the cross-reference stage has not run.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Noch keine endgültige Wahl: der Abgleich ist noch nicht gelaufen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Candidates against the retrieved items:</source>
        <translation>Kandidaten gegen die abgerufenen Einträge:</translation>
    </message>
    <message>
        <source>Profile item %1 (retrieval score %2)</source>
        <translation>Profileintrag %1 (Abrufbewertung %2)</translation>
    </message>
</context>
<context>
    <name>r2p::ui::VerdictsModel</name>
    <message>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Endgültig</translation>
    </message>
</context>
</TS>

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
        <source>unknown dialog %1</source>
        <translation>unbekannter Dialog %1</translation>
    </message>
    <message>
        <source>--report needs --project P, the project file that holds the run</source>
        <translation>--report braucht --project P, die Projektdatei, die den Lauf enthält</translation>
    </message>
    <message>
        <source>no project file %1</source>
        <translation>keine Projektdatei %1</translation>
    </message>
    <message>
        <source>--report needs --run ID, the number of a run in %1</source>
        <translation>--report braucht --run ID, die Nummer eines Laufs in %1</translation>
    </message>
    <message>
        <source>cannot open the project %1: %2</source>
        <translation>Projekt %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Write a report of the run --run ID of --project P (of one user with --user ID) as HTML or PDF, by the file&apos;s extension, and quit without showing a window.</source>
        <translation>Einen Bericht über den Lauf --run ID aus --project P (mit --user ID für einen einzelnen Nutzer) je nach Dateiendung als HTML oder PDF schreiben und beenden, ohne ein Fenster zu zeigen.</translation>
    </message>
    <message>
        <source>Select this stage of the user&apos;s trace (e.g. profile_synthesis).</source>
        <translation>Diese Stufe im Verlauf des Nutzers auswählen (z. B. profile_synthesis).</translation>
    </message>
    <message>
        <source>unknown stage %1</source>
        <translation>unbekannte Stufe %1</translation>
    </message>
    <message>
        <source>unknown baseline %1</source>
        <translation>unbekannte Vergleichsbasis %1</translation>
    </message>
    <message>
        <source>The stored run --report reports, or the window shows.</source>
        <translation>Der gespeicherte Lauf, über den --report berichtet oder den das Fenster zeigt.</translation>
    </message>
    <message>
        <source>Compare R2P with this baseline of the shown run (lamp-rag, lrm-rag, no-profile).</source>
        <translation>R2P mit dieser Vergleichsbasis des gezeigten Laufs vergleichen (lamp-rag, lrm-rag, no-profile).</translation>
    </message>
    <message>
        <source>--run needs the number of a stored run</source>
        <translation>--run braucht die Nummer eines gespeicherten Laufs</translation>
    </message>
    <message>
        <source>Open a dialog once loaded (batch, settings or compare-runs); --screenshot then saves it.</source>
        <translation>Nach dem Laden einen Dialog öffnen (batch, settings oder compare-runs); --screenshot speichert ihn dann.</translation>
    </message>
    <message>
        <source>Bring the Analysis dock to the front on this page (slices, agreement, sweep, stored-sweep, attribution, length, judge or tags; sweep and attribution also run, stored-sweep plots the stored runs of a k sweep).</source>
        <translation>Das Analyse-Dock auf dieser Seite nach vorn holen (slices, agreement, sweep, stored-sweep, attribution, length, judge oder tags; sweep und attribution laufen auch, stored-sweep zeichnet die gespeicherten Läufe eines k-Sweeps).</translation>
    </message>
    <message>
        <source>Bring the Reasoning dock&apos;s Tags tab to the front with this chain: stage (the selected stage), tagpr or lrm-rag (that system&apos;s chain in the shown run).</source>
        <translation>Den Reiter „Tags“ des Reasoning-Docks mit dieser Kette nach vorn holen: stage (die gewählte Stufe), tagpr oder lrm-rag (die Kette dieses Systems im gezeigten Lauf).</translation>
    </message>
    <message>
        <source>unknown chain %1 (stage, tagpr or lrm-rag)</source>
        <translation>unbekannte Kette %1 (stage, tagpr oder lrm-rag)</translation>
    </message>
    <message>
        <source>Bring the Metrics dock to the front on this page (user, run, deltas, wtl, tokens, cost or rpi).</source>
        <translation>Das Metrik-Dock auf dieser Seite nach vorn holen (user, run, deltas, wtl, tokens, cost oder rpi).</translation>
    </message>
</context>
<context>
    <name>r2p::FailureLabel</name>
    <message>
        <source>Divergent thinking</source>
        <translation>Abschweifendes Denken</translation>
    </message>
    <message>
        <source>The reasoning wanders away from the task or the template stage, spending its budget on things that do not lead to the answer.</source>
        <translation>Das Reasoning entfernt sich von der Aufgabe oder der Stufe der Vorlage und verbraucht sein Budget für Dinge, die nicht zur Antwort führen.</translation>
    </message>
    <message>
        <source>Format misalignment</source>
        <translation>Formatabweichung</translation>
    </message>
    <message>
        <source>The answer is not in the exact format the task asks for, such as a label outside the label set or a rating that is not an integer from 1 to 5.</source>
        <translation>Die Antwort hat nicht genau das Format, das die Aufgabe verlangt, etwa ein Label außerhalb der Label-Menge oder eine Bewertung, die keine ganze Zahl von 1 bis 5 ist.</translation>
    </message>
    <message>
        <source>Retrieved history unused</source>
        <translation>Abgerufene Historie ungenutzt</translation>
    </message>
    <message>
        <source>The retrieved profile items are ignored or used ineffectively, so the answer is not grounded in this user&apos;s history.</source>
        <translation>Die abgerufenen Profileinträge werden ignoriert oder kaum wirksam genutzt, sodass die Antwort nicht auf der Historie dieses Nutzers beruht.</translation>
    </message>
    <message>
        <source>Hallucinated preference</source>
        <translation>Halluzinierte Präferenz</translation>
    </message>
    <message>
        <source>The reasoning attributes to the user a preference or style that none of the retrieved items supports.</source>
        <translation>Das Reasoning schreibt dem Nutzer eine Präferenz oder einen Stil zu, den keiner der abgerufenen Einträge stützt.</translation>
    </message>
    <message>
        <source>Ignored evidence</source>
        <translation>Ignorierte Belege</translation>
    </message>
    <message>
        <source>A retrieved item or synthesized fact that clearly bears on the answer is left out or contradicted without reason.</source>
        <translation>Ein abgerufener Eintrag oder ein synthetisierter Fakt, der klar für die Antwort relevant ist, wird grundlos übergangen oder ihm wird widersprochen.</translation>
    </message>
    <message>
        <source>Inconsistent candidates</source>
        <translation>Widersprüchliche Kandidaten</translation>
    </message>
    <message>
        <source>The sampled candidates disagree with each other, or the final choice does not follow from the cross-reference verdicts.</source>
        <translation>Die gesampelten Kandidaten widersprechen einander, oder die endgültige Wahl folgt nicht aus den Urteilen des Abgleichs.</translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation>Abgeschnitten</translation>
    </message>
    <message>
        <source>The output stops before the stage or the answer is complete, for example at a token limit or a stop sequence.</source>
        <translation>Die Ausgabe endet, bevor die Stufe oder die Antwort vollständig ist, zum Beispiel an einem Token-Limit oder einer Stoppsequenz.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>A reasoning failure that none of the other labels describes; say what it is in the note.</source>
        <translation>Ein Reasoning-Fehler, den keine der anderen Fehlerkategorien beschreibt; beschreiben Sie ihn in der Notiz.</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnalysisDock</name>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>by profile size</source>
        <translation>nach Profilgröße</translation>
    </message>
    <message>
        <source>by gold label</source>
        <translation>nach Referenzlabel</translation>
    </message>
    <message>
        <source>by failure label</source>
        <translation>nach Fehlerkategorie</translation>
    </message>
    <message>
        <source>by RPI intervention</source>
        <translation>nach RPI-Eingriff</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
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
        <source>Δ (R2P − baseline)</source>
        <translation>Δ (R2P − Vergleich)</translation>
    </message>
    <message>
        <source>Win / tie / loss</source>
        <translation>Sieg / Gleichstand / Niederlage</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Fehlerkategorie</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>By chance</source>
        <translation>Zufällig erwartet</translation>
    </message>
    <message>
        <source>Both / A only / B only / neither</source>
        <translation>Beide / nur A / nur B / keiner</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>k:</source>
        <translation>k:</translation>
    </message>
    <message>
        <source>Numbers of retrieved items to try, separated by commas</source>
        <translation>Anzahlen abgerufener Einträge zum Ausprobieren, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>users:</source>
        <translation>Nutzer:</translation>
    </message>
    <message>
        <source>The first users of the filtered list that are in the run</source>
        <translation>Die ersten Nutzer der gefilterten Liste, die im Lauf enthalten sind</translation>
    </message>
    <message>
        <source>Run Sweep</source>
        <translation>Sweep ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Mean items</source>
        <translation>Einträge (Mittel)</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Retrieval sweep</source>
        <translation>Retrieval-Sweep</translation>
    </message>
    <message>
        <source>Leave Each Item Out</source>
        <translation>Jeden Eintrag einzeln weglassen</translation>
    </message>
    <message>
        <source>Runs R2P on the selected user once per retrieved item, without that item</source>
        <translation>Führt R2P für den ausgewählten Nutzer einmal je abgerufenem Eintrag aus, jeweils ohne diesen Eintrag</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>Profil-ID</translation>
    </message>
    <message>
        <source>Retrieval score</source>
        <translation>Retrieval-Bewertung</translation>
    </message>
    <message>
        <source>Answer without it</source>
        <translation>Antwort ohne ihn</translation>
    </message>
    <message>
        <source>Score without it</source>
        <translation>Bewertung ohne ihn</translation>
    </message>
    <message>
        <source>Δ score</source>
        <translation>Δ Bewertung</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message numerus="yes">
        <source>Sweeping: %1 of %n user(s), %2 runs, %3 s…</source>
        <translation>
            <numerusform>Sweep: %1 von %n Nutzer, %2 Durchläufe, %3 s…</numerusform>
            <numerusform>Sweep: %1 von %n Nutzern, %2 Durchläufe, %3 s…</numerusform>
        </translation>
    </message>
    <message>
        <source>User &lt;b&gt;%1&lt;/b&gt;: which retrieved item changes R2P&apos;s answer?</source>
        <translation>Nutzer &lt;b&gt;%1&lt;/b&gt;: Welcher abgerufene Eintrag ändert die Antwort von R2P?</translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt; · %2 · compared on &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Lauf &lt;b&gt;%1&lt;/b&gt; · %2 · verglichen anhand &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No run yet. &lt;i&gt;Run ▸ Run Batch…&lt;/i&gt; (Ctrl+B) runs R2P and the baselines; the analysis of the run shows here.</source>
        <translation>Noch kein Lauf. &lt;i&gt;Ausführen ▸ Batch ausführen…&lt;/i&gt; (Strg+B) führt R2P und die Vergleichssysteme aus; die Analyse des Laufs erscheint hier.</translation>
    </message>
    <message>
        <source>no annotations on this run</source>
        <translation>keine Annotationen in diesem Lauf</translation>
    </message>
    <message>
        <source>not for this task</source>
        <translation>nicht für diese Aufgabe</translation>
    </message>
    <message>
        <source>RPI intervened</source>
        <translation>RPI hat eingegriffen</translation>
    </message>
    <message>
        <source>no intervention</source>
        <translation>kein Eingriff</translation>
    </message>
    <message>
        <source>R2P − %1 on %2, %3</source>
        <translation>R2P − %1 bei %2, %3</translation>
    </message>
    <message>
        <source>Agreement needs a stored run with annotations.</source>
        <translation>Die Übereinstimmung braucht einen gespeicherten Lauf mit Annotationen.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <source>Cohen&apos;s κ: %1 and %2 over %n item(s) both judged</source>
        <translation>
            <numerusform>Cohens κ: %1 und %2 über %n Eintrag, den beide bewertet haben</numerusform>
            <numerusform>Cohens κ: %1 und %2 über %n Einträge, die beide bewertet haben</numerusform>
        </translation>
    </message>
    <message>
        <source>Items both gave the label / only %1 / only %2 / neither</source>
        <translation>Einträge, denen beide die Kategorie gaben / nur %1 / nur %2 / keiner</translation>
    </message>
    <message>
        <source>Rows: %1&apos;s labels; columns: %2&apos;s</source>
        <translation>Zeilen: Kategorien von %1; Spalten: von %2</translation>
    </message>
    <message>
        <source>Yes votes</source>
        <translation>Ja-Stimmen</translation>
    </message>
    <message numerus="yes">
        <source>Fleiss&apos; κ: %1 annotators (%2) over %n item(s) all judged</source>
        <translation>
            <numerusform>Fleiss&apos; κ: %1 Annotatoren (%2) über %n Eintrag, den alle bewertet haben</numerusform>
            <numerusform>Fleiss&apos; κ: %1 Annotatoren (%2) über %n Einträge, die alle bewertet haben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yes vote(s)</source>
        <translation>
            <numerusform>%n Ja-Stimme</numerusform>
            <numerusform>%n Ja-Stimmen</numerusform>
        </translation>
    </message>
    <message>
        <source>No annotations on this run yet.</source>
        <translation>Noch keine Annotationen in diesem Lauf.</translation>
    </message>
    <message>
        <source>Only %1 has annotated this run; agreement needs two annotators or more.</source>
        <translation>Nur %1 hat diesen Lauf annotiert; für die Übereinstimmung braucht es mindestens zwei Annotatoren.</translation>
    </message>
    <message>
        <source>“%1” is not a k: give whole numbers from 0 to 64, separated by commas.</source>
        <translation>„%1“ ist kein k: Geben Sie ganze Zahlen von 0 bis 64 an, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Give at least one k.</source>
        <translation>Geben Sie mindestens ein k an.</translation>
    </message>
    <message>
        <source>None of the listed users is in the run.</source>
        <translation>Keiner der aufgeführten Nutzer ist im Lauf.</translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %n user(s)…</source>
        <translation>
            <numerusform>Sweep über %n Nutzer…</numerusform>
            <numerusform>Sweep über %n Nutzer…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %1 over the %n user(s) finished before.</source>
        <translation>
            <numerusform>Abgebrochen: %1 über den %n Nutzer, der vorher fertig war.</numerusform>
            <numerusform>Abgebrochen: %1 über die %n Nutzer, die vorher fertig waren.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against k (retrieved items)</source>
        <translation>%1 gegen k (abgerufene Einträge)</translation>
    </message>
    <message>
        <source>Attribution runs with a stored run&apos;s settings: run a batch first (Ctrl+B).</source>
        <translation>Die Attribution verwendet die Einstellungen eines gespeicherten Laufs: Führen Sie zuerst einen Batch aus (Strg+B).</translation>
    </message>
    <message>
        <source>Running R2P without each retrieved item…</source>
        <translation>R2P wird ohne jeweils einen der abgerufenen Einträge ausgeführt…</translation>
    </message>
    <message numerus="yes">
        <source>User &lt;b&gt;%1&lt;/b&gt; with all %2 items: &lt;b&gt;%3&lt;/b&gt;%4 · %n item(s) change the answer when left out.</source>
        <translation>
            <numerusform>Nutzer &lt;b&gt;%1&lt;/b&gt; mit allen %2 Einträgen: &lt;b&gt;%3&lt;/b&gt;%4 · %n Eintrag ändert die Antwort, wenn er weggelassen wird.</numerusform>
            <numerusform>Nutzer &lt;b&gt;%1&lt;/b&gt; mit allen %2 Einträgen: &lt;b&gt;%3&lt;/b&gt;%4 · %n Einträge ändern die Antwort, wenn sie weggelassen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Fleiss&apos; κ over the items every annotator judged, or Cohen&apos;s κ of one pair over the items both judged</source>
        <translation>Fleiss&apos; κ über die Einträge, die alle Annotierenden bewertet haben, oder Cohens κ eines Paares über die Einträge, die beide bewertet haben</translation>
    </message>
    <message>
        <source>All %1 annotators (Fleiss&apos; κ)</source>
        <translation>Alle %1 Annotierenden (Fleiss&apos; κ)</translation>
    </message>
    <message>
        <source>%1 and %2 (Cohen&apos;s κ)</source>
        <translation>%1 und %2 (Cohens κ)</translation>
    </message>
    <message>
        <source>Few items: κ over fewer than %1 is unreliable.</source>
        <translation>Wenige Einträge: κ über weniger als %1 ist unzuverlässig.</translation>
    </message>
    <message>
        <source>No item was judged by all of them: pick a pair above for Cohen&apos;s κ.</source>
        <translation>Kein Eintrag wurde von allen bewertet: oben ein Paar für Cohens κ wählen.</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Richter</translation>
    </message>
    <message>
        <source> · R2P against &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · R2P gegen &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reasoning length</source>
        <translation>Reasoning-Länge</translation>
    </message>
    <message>
        <source>Plot Stored Runs</source>
        <translation>Gespeicherte Läufe zeichnen</translation>
    </message>
    <message>
        <source>Plots the shown run and the stored runs that differ from it only in k (r2p run --k 0,1,2,4 or a study&apos;s k list): each system&apos;s metric over every user with its 95% bootstrap interval. Nothing is run.</source>
        <translation>Zeichnet den gezeigten Lauf und die gespeicherten Läufe, die sich nur in k von ihm unterscheiden (r2p run --k 0,1,2,4 oder die k-Liste einer Studie): die Metrik jedes Systems über alle Nutzer mit ihrem 95-%-Bootstrap-Intervall. Es wird nichts ausgeführt.</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Reading the stored runs of run %1&apos;s sweep…</source>
        <translation>Die gespeicherten Läufe des Sweeps von Lauf %1 werden gelesen…</translation>
    </message>
    <message>
        <source>No other stored run differs from this one only in k: make a sweep of stored runs with r2p run --k 0,1,2,4 (or a study&apos;s k list).</source>
        <translation>Kein anderer gespeicherter Lauf unterscheidet sich von diesem nur in k: erstellen Sie einen Sweep gespeicherter Läufe mit r2p run --k 0,1,2,4 (oder der k-Liste einer Studie).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n stored run(s) (runs %2), every user of each; the band is each point&apos;s 95% bootstrap interval.</source>
        <translation>
            <numerusform>%1 von %n gespeichertem Lauf (Lauf %2), alle Nutzer; das Band ist das 95-%-Bootstrap-Intervall jedes Punkts.</numerusform>
            <numerusform>%1 von %n gespeicherten Läufen (Läufe %2), jeweils alle Nutzer; das Band ist das 95-%-Bootstrap-Intervall jedes Punkts.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 against k (retrieved items), stored runs</source>
        <translation>%1 gegen k (abgerufene Einträge), gespeicherte Läufe</translation>
    </message>
    <message>
        <source>95% CI of Δ</source>
        <translation>95-%-KI von Δ</translation>
    </message>
    <message>
        <source>Seeded 95% percentile bootstrap interval of the mean per-user Δ (1,000 resamples of the slice&apos;s paired users); a slice of few users has a wide one.</source>
        <translation>Geseedetes 95-%-Perzentil-Bootstrap-Intervall des mittleren Δ je Nutzer (1.000 Stichproben der gepaarten Nutzer des Segments); ein Segment mit wenigen Nutzern hat ein breites.</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n user(s); the band is each point&apos;s 95% bootstrap interval.</source>
        <translation>
            <numerusform>%1 über %n Nutzer; das Band ist das 95-%-Bootstrap-Intervall jedes Punkts.</numerusform>
            <numerusform>%1 über %n Nutzer; das Band ist das 95-%-Bootstrap-Intervall jedes Punkts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationText</name>
    <message>
        <source>minor</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>major</source>
        <translation>erheblich</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>whole run</source>
        <translation>ganzer Lauf</translation>
    </message>
    <message>
        <source>verdict on candidate %1</source>
        <translation>Urteil zu Kandidat %1</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: „%2“</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Who annotates: kept with every label</source>
        <translation>Wer annotiert: wird mit jeder Kategorie gespeichert</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>Annotator:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <source>Remove Annotation</source>
        <translation>Annotation entfernen</translation>
    </message>
    <message>
        <source>Bookmarks (M adds, B / Shift+B jump):</source>
        <translation>Lesezeichen (M fügt hinzu, B / Shift+B springen):</translation>
    </message>
    <message>
        <source>&lt;i&gt;Annotations attach to a stored run: pick a user of the run the Users view shows, or run a batch (Ctrl+B).&lt;/i&gt;</source>
        <translation>&lt;i&gt;Annotationen gehören zu einem gespeicherten Lauf: Wählen Sie einen Nutzer des Laufs, den die Nutzeransicht zeigt, oder führen Sie einen Batch aus (Strg+B).&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Run #%1 · user &lt;b&gt;%2&lt;/b&gt; · labelling: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Lauf #%1 · Nutzer &lt;b&gt;%2&lt;/b&gt; · Element: &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing to annotate: select a user of a stored run first.</source>
        <translation>Nichts zu annotieren: Wählen Sie zuerst einen Nutzer eines gespeicherten Laufs.</translation>
    </message>
    <message>
        <source>Name the annotator first.</source>
        <translation>Geben Sie zuerst den Namen des Annotators an.</translation>
    </message>
    <message numerus="yes">
        <source>run #%1 (%n)</source>
        <translation>
            <numerusform>Lauf #%1 (%n)</numerusform>
            <numerusform>Lauf #%1 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>◷ This user was also annotated on other runs: %1.</source>
        <translation>◷ Dieser Nutzer wurde auch in anderen Läufen annotiert: %1.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Nutzer %1</translation>
    </message>
    <message>
        <source>Severity of the label just made, or of the next one (S cycles; Ctrl+Z undoes)</source>
        <translation>Schweregrad des gerade vergebenen Labels oder des nächsten (S wechselt; Strg+Z macht rückgängig)</translation>
    </message>
    <message>
        <source>Note for the label just made (Ctrl+M; Return saves it and goes back)</source>
        <translation>Notiz zum gerade vergebenen Label (Strg+M; Eingabe speichert sie und kehrt zurück)</translation>
    </message>
    <message>
        <source>Saved “%1” (%2) on %3. S changes its severity, Ctrl+M adds a note, Ctrl+Z undoes.</source>
        <translation>„%1“ (%2) auf %3 gespeichert. S ändert den Schweregrad, Strg+M fügt eine Notiz hinzu, Strg+Z macht rückgängig.</translation>
    </message>
    <message>
        <source>Severity of “%1”: %2.</source>
        <translation>Schweregrad von „%1“: %2.</translation>
    </message>
    <message>
        <source>Note saved on “%1”.</source>
        <translation>Notiz an „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Annotation removed (Ctrl+Z undoes).</source>
        <translation>Annotation entfernt (Strg+Z macht rückgängig).</translation>
    </message>
</context>
<context>
    <name>r2p::ui::AnnotationsModel</name>
    <message>
        <source>%1 · template %2 v%3</source>
        <translation>%1 · Vorlage %2 v%3</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Fehlerkategorie</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
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
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Request timeout:</source>
        <translation>Zeitlimit je Anfrage:</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>Zeitlimit bei Stille:</translation>
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
    <message>
        <source>Prompt mode: %1</source>
        <translation>Prompt-Modus: %1</translation>
    </message>
    <message>
        <source>Run %1: resuming…</source>
        <translation>Lauf %1: wird fortgesetzt …</translation>
    </message>
    <message>
        <source>Preparing the run (the server may be asked which prompt mode fits)…</source>
        <translation>Der Lauf wird vorbereitet (der Server wird eventuell nach dem passenden Prompt-Modus gefragt) …</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>Sampling:</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Run %1: its status could not be stored: %2</source>
        <translation>Lauf %1: Sein Status konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Ablations:</source>
        <translation>Ablationen:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>the run&apos;s model</source>
        <translation>Modell des Laufs</translation>
    </message>
    <message>
        <source>This system&apos;s own model, e.g. a general LLM against a reasoning model (r2p run --system-model)</source>
        <translation>Eigenes Modell dieses Systems, z. B. ein allgemeines LLM gegen ein Reasoning-Modell (r2p run --system-model)</translation>
    </message>
    <message>
        <source>Several servers, one per line, as r2p run --endpoint takes them: http://gpu1:8000/v1,max=32,weight=2,models=A|B (empty: the server URL alone)</source>
        <translation>Mehrere Server, einer pro Zeile, wie r2p run --endpoint sie nimmt: http://gpu1:8000/v1,max=32,weight=2,models=A|B (leer: nur die Server-URL)</translation>
    </message>
    <message>
        <source>Requests are spread by free capacity (max) and weight; a failing server is taken out and its requests retried elsewhere. Each server&apos;s models come from models= or its /v1/models, so a system with its own model (Sampling › Model) reaches the servers that serve it.</source>
        <translation>Anfragen werden nach freier Kapazität (max) und Gewicht verteilt; ein ausfallender Server wird herausgenommen und seine Anfragen anderswo wiederholt. Die Modelle eines Servers kommen aus models= oder seinem /v1/models, sodass ein System mit eigenem Modell (Sampling › Modell) die Server erreicht, die es bereitstellen.</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>Endpunkte:</translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2</source>
        <translation>Endpunkte, Zeile %1: %2</translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2 is listed twice</source>
        <translation>Endpunkte, Zeile %1: %2 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>The metric the run&apos;s summary, its RPI effect and the views compare on; every ROUGE variant is scored and stored either way</source>
        <translation>Die Metrik, auf der die Zusammenfassung des Laufs, seine RPI-Wirkung und die Ansichten vergleichen; jede ROUGE-Variante wird ohnehin bewertet und gespeichert</translation>
    </message>
    <message>
        <source>Main metric:</source>
        <translation>Hauptmetrik:</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ChartExport</name>
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
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Referenz:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;No gold output for this user.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Referenzausgabe für diesen Benutzer.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Reasoning:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>%1 in the gold · %2 not in the gold</source>
        <translation>%1 in der Referenz · %2 nicht in der Referenz</translation>
    </message>
    <message>
        <source>words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; %1&lt;br&gt;&lt;small&gt;%2 R2P&apos;s answer has · %3 it lacks&lt;/small&gt;</source>
        <translation>&lt;b&gt;Referenz:&lt;/b&gt; %1&lt;br&gt;&lt;small&gt;%2 hat die Antwort von R2P · %3 fehlen ihr&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Tagged chain:</source>
        <translation>Getaggte Kette:</translation>
    </message>
    <message>
        <source>none in this run</source>
        <translation>keine in diesem Lauf</translation>
    </message>
</context>
<context>
    <name>r2p::ui::CompareRunsWindow</name>
    <message>
        <source>Run %1 · %2</source>
        <translation>Lauf %1 · %2</translation>
    </message>
    <message>
        <source>&lt; 0.001</source>
        <translation>&lt; 0,001</translation>
    </message>
    <message>
        <source>exact McNemar</source>
        <translation>exakter McNemar</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank</source>
        <translation>Wilcoxon-Vorzeichen-Rang</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
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
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>A&apos;s value</source>
        <translation>Wert von A</translation>
    </message>
    <message>
        <source>B&apos;s value</source>
        <translation>Wert von B</translation>
    </message>
    <message>
        <source>Δ (B − A) [95% CI]</source>
        <translation>Δ (B − A) [95-%-KI]</translation>
    </message>
    <message>
        <source>B wins / ties / losses</source>
        <translation>B besser / gleich / schlechter</translation>
    </message>
    <message>
        <source>Paired test</source>
        <translation>Gepaarter Test</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Check two or more runs of this dataset, or one run to compare its systems with each other.</source>
        <translation>Haken Sie zwei oder mehr Läufe dieses Datensatzes an, oder einen Lauf, um seine Systeme miteinander zu vergleichen.</translation>
    </message>
    <message>
        <source>&amp;Runs:</source>
        <translation>&amp;Läufe:</translation>
    </message>
    <message>
        <source>&amp;Systems:</source>
        <translation>&amp;Systeme:</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Filter users: is:regression, is:improvement, is:tie or words (Ctrl+F)</source>
        <translation>Nutzer filtern: is:regression, is:improvement, is:tie oder Wörter (Strg+F)</translation>
    </message>
    <message>
        <source>B right</source>
        <translation>B richtig</translation>
    </message>
    <message>
        <source>B wrong</source>
        <translation>B falsch</translation>
    </message>
    <message>
        <source>A right</source>
        <translation>A richtig</translation>
    </message>
    <message>
        <source>A wrong</source>
        <translation>A falsch</translation>
    </message>
    <message>
        <source>Users by correctness on each side; the off-diagonal cells are the discordant pairs McNemar&apos;s test counts.</source>
        <translation>Nutzer nach Richtigkeit auf beiden Seiten; die Zellen außerhalb der Diagonale sind die diskordanten Paare, die der McNemar-Test zählt.</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Label &amp;A</source>
        <translation>&amp;A kennzeichnen</translation>
    </message>
    <message>
        <source>Label &amp;B</source>
        <translation>&amp;B kennzeichnen</translation>
    </message>
    <message>
        <source>Adds the failure label to this side&apos;s run of the shown user.</source>
        <translation>Fügt die Fehlerkategorie dem Lauf dieser Seite für den gezeigten Nutzer hinzu.</translation>
    </message>
    <message>
        <source>Every system the runs share</source>
        <translation>Alle gemeinsamen Systeme der Läufe</translation>
    </message>
    <message>
        <source>Check two or more runs (or one run with two or more systems), then Compare.</source>
        <translation>Haken Sie zwei oder mehr Läufe an (oder einen Lauf mit zwei oder mehr Systemen), dann Vergleichen.</translation>
    </message>
    <message>
        <source>One run: its systems are compared with each other.</source>
        <translation>Ein Lauf: seine Systeme werden miteinander verglichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) checked.</source>
        <translation>
            <numerusform>%n Lauf angehakt.</numerusform>
            <numerusform>%n Läufe angehakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 (%3) · per user: %4 · %n comparison(s); p-values Holm-adjusted across them; intervals: %5 seeded paired bootstrap resamples.</source>
        <translation>
            <numerusform>%1 · %2 (%3) · je Nutzer: %4 · %n Vergleich; p-Werte nach Holm über alle angepasst; Intervalle: %5 geseedete gepaarte Bootstrap-Stichproben.</numerusform>
            <numerusform>%1 · %2 (%3) · je Nutzer: %4 · %n Vergleiche; p-Werte nach Holm über alle angepasst; Intervalle: %5 geseedete gepaarte Bootstrap-Stichproben.</numerusform>
        </translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>kein Unterschied</translation>
    </message>
    <message>
        <source>B better</source>
        <translation>B besser</translation>
    </message>
    <message>
        <source>B worse</source>
        <translation>B schlechter</translation>
    </message>
    <message numerus="yes">
        <source> · %n user(s) not paired (not in both runs, unfinished, failed or without a score)</source>
        <translation>
            <numerusform> · %n Nutzer nicht gepaart (nicht in beiden Läufen, unfertig, fehlgeschlagen oder ohne Bewertung)</numerusform>
            <numerusform> · %n Nutzer nicht gepaart (nicht in beiden Läufen, unfertig, fehlgeschlagen oder ohne Bewertung)</numerusform>
        </translation>
    </message>
    <message>
        <source>Exact McNemar on %1 discordant users (A only right: %2, B only right: %3): p = %4, Holm %5.</source>
        <translation>Exakter McNemar auf %1 diskordanten Nutzern (nur A richtig: %2, nur B richtig: %3): p = %4, Holm %5.</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank on the per-user %1 (%2 non-zero differences): p = %3, Holm %4.</source>
        <translation>Wilcoxon-Vorzeichen-Rang auf %1 je Nutzer (%2 Differenzen ungleich null): p = %3, Holm %4.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;A:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;B:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;B:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>only A right</source>
        <translation>nur A richtig</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>only B right</source>
        <translation>nur B richtig</translation>
    </message>
    <message>
        <source>Per-user change, B against A (right of the middle: B better)</source>
        <translation>Änderung je Nutzer, B gegen A (rechts der Mitte: B besser)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No user shown: pick one in the table.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Kein Nutzer gezeigt: wählen Sie einen in der Tabelle.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Nothing compared yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Noch nichts verglichen.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Cannot read user %1 of run %2: %3&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b71c1c&apos;&gt;Nutzer %1 von Lauf %2 kann nicht gelesen werden: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;User %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Nutzer %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Pick a user and a label first.</source>
        <translation>Wählen Sie zuerst einen Nutzer und eine Fehlerkategorie.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b71c1c&apos;&gt;Failed: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b71c1c&apos;&gt;Fehlgeschlagen: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answer:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Antwort:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n intervention(s)&lt;/span&gt;</source>
        <translation>
            <numerusform> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n Eingriff&lt;/span&gt;</numerusform>
            <numerusform> &lt;span style=&apos;color:#e65100&apos;&gt;⚑ %n Eingriffe&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Candidate %1: &lt;b&gt;%2&lt;/b&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kandidat %1: &lt;b&gt;%2&lt;/b&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source> · chosen</source>
        <translation> · gewählt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Labels:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Fehlerkategorien:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n improvement(s)</source>
        <translation>
            <numerusform>%n Verbesserung</numerusform>
            <numerusform>%n Verbesserungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n regression(s)</source>
        <translation>
            <numerusform>%n Verschlechterung</numerusform>
            <numerusform>%n Verschlechterungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tie(s)</source>
        <translation>
            <numerusform>%n gleich</numerusform>
            <numerusform>%n gleich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; against &lt;b&gt;%2&lt;/b&gt;: %n paired user(s)%3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; gegen &lt;b&gt;%2&lt;/b&gt;: %n gepaarter Nutzer%3.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; gegen &lt;b&gt;%2&lt;/b&gt;: %n gepaarte Nutzer%3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>r2p::ui::DeltaText</name>
    <message>
        <source>R2P better</source>
        <translation>R2P besser</translation>
    </message>
    <message>
        <source>R2P worse</source>
        <translation>R2P schlechter</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>kein Unterschied</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>niedriger ist besser</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>höher ist besser</translation>
    </message>
    <message>
        <source>95% percentile bootstrap, 1,000 resamples drawn within each gold label (every label keeps its users, so macro-F1 is not dragged down by resamples that lose a rare label)</source>
        <translation>95-%-Perzentil-Bootstrap, 1.000 Stichproben innerhalb jedes Gold-Labels gezogen (jedes Label behält seine Nutzer, sodass der Makro-F1 nicht durch Stichproben sinkt, die ein seltenes Label verlieren)</translation>
    </message>
    <message>
        <source>95% percentile bootstrap over the users, 1,000 resamples</source>
        <translation>95-%-Perzentil-Bootstrap über die Nutzer, 1.000 Stichproben</translation>
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
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>%1 — activate to list them in Users (%2)</source>
        <translation>%1 — aktivieren, um sie unter Nutzer aufzulisten (%2)</translation>
    </message>
</context>
<context>
    <name>r2p::ui::JudgeCheckView</name>
    <message>
        <source>Show a stored run in the Users view to check its judge.</source>
        <translation>Zeigen Sie in der Nutzeransicht einen gespeicherten Lauf, um seinen Richter zu prüfen.</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <source>Share right</source>
        <translation>Anteil richtig</translation>
    </message>
    <message>
        <source>Mean %1</source>
        <translation>Mittel %1</translation>
    </message>
    <message>
        <source>Run %1 has no R2P user with verdicts and a gold: nothing to check against.</source>
        <translation>Lauf %1 hat keinen R2P-Nutzer mit Urteilen und Referenz: nichts zu prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: the verdicts of %n user(s)&apos; candidates against whether each candidate&apos;s own answer is right.</source>
        <translation>
            <numerusform>Lauf %1: die Urteile über die Kandidaten von %n Nutzer, verglichen damit, ob die Antwort jedes Kandidaten richtig ist.</numerusform>
            <numerusform>Lauf %1: die Urteile über die Kandidaten von %n Nutzern, verglichen damit, ob die Antwort jedes Kandidaten richtig ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>No annotator gave a verdict of their own (a verdict annotation labelled supported, partial, contradicted or unsupported).</source>
        <translation>Kein Annotator hat ein eigenes Urteil abgegeben (eine Urteilsannotation mit dem Label supported, partial, contradicted oder unsupported).</translation>
    </message>
    <message numerus="yes">
        <source>Annotators&apos; verdicts on %n candidate(s): %1 agree with the judge, Cohen&apos;s κ %2.</source>
        <translation>
            <numerusform>Urteile der Annotatoren zu %n Kandidaten: %1 stimmen mit dem Richter überein, Cohens κ %2.</numerusform>
            <numerusform>Urteile der Annotatoren zu %n Kandidaten: %1 stimmen mit dem Richter überein, Cohens κ %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
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
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
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
    <message>
        <source>Export Run &amp;Report…</source>
        <translation>L&amp;aufbericht exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;User Report…</source>
        <translation>N&amp;utzerbericht exportieren…</translation>
    </message>
    <message>
        <source>Go to &amp;Annotations</source>
        <translation>Zu Anno&amp;tationen wechseln</translation>
    </message>
    <message>
        <source>Go to A&amp;nalysis</source>
        <translation>Zu Ana&amp;lyse wechseln</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>A&amp;nnotieren</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Fehlerkategorie</translation>
    </message>
    <message>
        <source>A report needs a stored run (Run ▸ Run Batch…, Ctrl+B)%1.</source>
        <translation>Ein Bericht braucht einen gespeicherten Lauf (Ausführen ▸ Batch ausführen…, Strg+B)%1.</translation>
    </message>
    <message>
        <source> and a selected user</source>
        <translation> und einen ausgewählten Nutzer</translation>
    </message>
    <message>
        <source>Export User Report</source>
        <translation>Nutzerbericht exportieren</translation>
    </message>
    <message>
        <source>Export Run Report</source>
        <translation>Laufbericht exportieren</translation>
    </message>
    <message>
        <source>Self-contained HTML (*.html);;PDF (*.pdf)</source>
        <translation>Eigenständiges HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>&amp;Discard Interactive Run…</source>
        <translation>Interaktiven Lauf &amp;verwerfen…</translation>
    </message>
    <message>
        <source>C&amp;hoose Run…</source>
        <translation>Lauf &amp;wählen…</translation>
    </message>
    <message>
        <source>Choose Base&amp;line…</source>
        <translation>Vergleichs&amp;basis wählen…</translation>
    </message>
    <message>
        <source>Sho&amp;w Run</source>
        <translation>Lauf &amp;zeigen</translation>
    </message>
    <message>
        <source>No stored run of this dataset</source>
        <translation>Kein gespeicherter Lauf dieses Datensatzes</translation>
    </message>
    <message>
        <source>Compare R2P &amp;Against</source>
        <translation>R2P &amp;vergleichen mit</translation>
    </message>
    <message>
        <source>The shown run has no baseline</source>
        <translation>Der gezeigte Lauf hat keine Vergleichsbasis</translation>
    </message>
    <message>
        <source>No stored run of this dataset to choose: Run ▸ Run Batch… (Ctrl+B).</source>
        <translation>Kein gespeicherter Lauf dieses Datensatzes zur Wahl: Lauf ▸ Stapel ausführen… (Strg+B).</translation>
    </message>
    <message>
        <source>The shown run has no other baseline to choose.</source>
        <translation>Der gezeigte Lauf hat keine andere Vergleichsbasis zur Wahl.</translation>
    </message>
    <message>
        <source>List them in Findings</source>
        <translation>Unter Befunde auflisten</translation>
    </message>
    <message>
        <source>Discard Interactive Run</source>
        <translation>Interaktiven Lauf verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 has %n annotation(s), which are deleted with it. Discard it?</source>
        <translation>
            <numerusform>Lauf %1 hat %n Annotation, die mit ihm gelöscht wird. Verwerfen?</numerusform>
            <numerusform>Lauf %1 hat %n Annotationen, die mit ihm gelöscht werden. Verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 was not discarded: %2</source>
        <translation>Lauf %1 wurde nicht verworfen: %2</translation>
    </message>
    <message>
        <source>Run %1 discarded</source>
        <translation>Lauf %1 verworfen</translation>
    </message>
    <message>
        <source>The task holds until the project is closed, but could not be kept in it: %1</source>
        <translation>Die Aufgabe gilt, bis das Projekt geschlossen wird, konnte aber nicht darin gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Compare &amp;Runs…</source>
        <translation>&amp;Läufe vergleichen…</translation>
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
        <source>Reasoning tokens against %1 (one user in %2 shown)</source>
        <translation>Reasoning-Tokens gegen %1 (jeder %2. Benutzer gezeigt)</translation>
    </message>
    <message>
        <source>R2P − this system</source>
        <translation>R2P − dieses System</translation>
    </message>
    <message>
        <source>R2P&apos;s score minus this system&apos;s on the run&apos;s main metric, and which side it favours (for MAE and RMSE lower is better)</source>
        <translation>R2Ps Wert minus der dieses Systems in der Hauptmetrik des Laufs, und wen das begünstigt (bei MAE und RMSE ist niedriger besser)</translation>
    </message>
    <message>
        <source>R2P&apos;s value minus the baseline&apos;s, in the metric&apos;s units, and whether that is better or worse for R2P (for MAE and RMSE lower is better)</source>
        <translation>R2Ps Wert minus der des Vergleichs, in den Einheiten der Metrik, und ob das für R2P besser oder schlechter ist (bei MAE und RMSE ist niedriger besser)</translation>
    </message>
    <message>
        <source>Paired over the users both systems scored: %1</source>
        <translation>Gepaart über die Nutzer, die beide Systeme bewertet haben: %1</translation>
    </message>
    <message>
        <source>R2P − %1 on %2 (%3)</source>
        <translation>R2P − %1 bei %2 (%3)</translation>
    </message>
    <message>
        <source>Every user ties with %1: all Δ are 0</source>
        <translation>Jeder Nutzer gleichauf mit %1: alle Δ sind 0</translation>
    </message>
    <message>
        <source>%1 (no reasoning tokens)</source>
        <translation>%1 (keine Reasoning-Tokens)</translation>
    </message>
    <message>
        <source>Not plotted, no reasoning tokens: %1</source>
        <translation>Nicht gezeichnet, keine Reasoning-Tokens: %1</translation>
    </message>
    <message>
        <source> · R2P against &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · R2P gegen &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (on screen)</source>
        <translation>%1 (auf dem Bildschirm)</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>nicht fertig</translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 failed, %4 tokens</source>
        <translation>%1: %2 Anfragen, %3 fehlgeschlagen, %4 Tokens</translation>
    </message>
    <message numerus="yes">
        <source>, taken out %n time(s)</source>
        <translation>
            <numerusform>, %n-mal herausgenommen</numerusform>
            <numerusform>, %n-mal herausgenommen</numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoints — %1</source>
        <translation>Endpunkte — %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>From cache</source>
        <translation>Aus dem Cache</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Tokens</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Antwort-Tokens</translation>
    </message>
    <message>
        <source>Cached prompt</source>
        <translation>Prompt aus Cache</translation>
    </message>
    <message>
        <source>Intervention tokens</source>
        <translation>Tokens der Eingriffe</translation>
    </message>
    <message>
        <source>Request time</source>
        <translation>Anfragezeit</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Answers replayed from the project&apos;s response cache: no call was made for them</source>
        <translation>Antworten aus dem Antwort-Cache des Projekts: für sie wurde nichts angefragt</translation>
    </message>
    <message>
        <source>Counted by the run&apos;s token counter for every system alike; the server&apos;s own count in brackets where it gave one</source>
        <translation>Vom Token-Zähler des Laufs für alle Systeme gleich gezählt; in Klammern die Zählung des Servers, wo er eine lieferte</translation>
    </message>
    <message>
        <source>Prompt tokens the server&apos;s prefix cache served, where it reported them</source>
        <translation>Prompt-Tokens aus dem Präfix-Cache des Servers, wo er sie meldete</translation>
    </message>
    <message>
        <source>Prompt and completion tokens of the requests after a level&apos;s first: what interventions and re-asks added (each one sends the whole context again)</source>
        <translation>Prompt- und Antwort-Tokens der Anfragen nach der ersten einer Stufe: was Eingriffe und Nachfragen hinzufügten (jede sendet den ganzen Kontext erneut)</translation>
    </message>
    <message>
        <source>The requests&apos; time summed, not the run&apos;s wall clock (requests overlap)</source>
        <translation>Die Zeit der Anfragen aufsummiert, nicht die Laufzeit des Laufs (Anfragen überlappen)</translation>
    </message>
    <message>
        <source>Counting what the run cost…</source>
        <translation>Kosten des Laufs werden gezählt…</translation>
    </message>
    <message>
        <source>No cost figures: %1</source>
        <translation>Keine Kostenangaben: %1</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No price for %1 in the price table</source>
        <translation>Kein Preis für %1 in der Preistabelle</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Prices per million tokens from the project&apos;s own table (r2p cost --set-prices).</source>
        <translation>Preise je Million Tokens aus der eigenen Tabelle des Projekts (r2p cost --set-prices).</translation>
    </message>
    <message>
        <source>Prices per million tokens from the shipped table (resources/llm/prices.json); r2p cost --set-prices gives the project its own.</source>
        <translation>Preise je Million Tokens aus der mitgelieferten Tabelle (resources/llm/prices.json); r2p cost --set-prices gibt dem Projekt eine eigene.</translation>
    </message>
    <message>
        <source>Over repeats</source>
        <translation>Über Wiederholungen</translation>
    </message>
    <message>
        <source>Mean ± sample standard deviation of the metric over the stored repeats of this run (the same settings, seeds S, S+1, …); the 95% CI is this repeat&apos;s bootstrap interval.</source>
        <translation>Mittelwert ± Stichproben-Standardabweichung der Metrik über die gespeicherten Wiederholungen dieses Laufs (gleiche Einstellungen, Seeds S, S+1, …); das 95-%-KI ist das Bootstrap-Intervall dieser Wiederholung.</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n repeat(s) (runs %2): %3; from %4 to %5</source>
        <translation>
            <numerusform>%1 über %n Wiederholung (Lauf %2): %3; von %4 bis %5</numerusform>
            <numerusform>%1 über %n Wiederholungen (Läufe %2): %3; von %4 bis %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat %1 of %2 · %n repeat(s) stored (runs %3): see &lt;i&gt;Over repeats&lt;/i&gt;</source>
        <translation>
            <numerusform>Wiederholung %1 von %2 · %n Wiederholung gespeichert (Lauf %3): siehe &lt;i&gt;Über Wiederholungen&lt;/i&gt;</numerusform>
            <numerusform>Wiederholung %1 von %2 · %n Wiederholungen gespeichert (Läufe %3): siehe &lt;i&gt;Über Wiederholungen&lt;/i&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>With RPI</source>
        <translation>Mit RPI</translation>
    </message>
    <message>
        <source>Without RPI</source>
        <translation>Ohne RPI</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>Double-click a user to show them</source>
        <translation>Doppelklick zeigt den Nutzer</translation>
    </message>
    <message>
        <source>The same user run by R2P with interventions off and the same seed (--shadow)</source>
        <translation>Derselbe Nutzer, von R2P ohne Eingriffe und mit demselben Seed gerechnet (--shadow)</translation>
    </message>
    <message>
        <source>RPI effect</source>
        <translation>RPI-Wirkung</translation>
    </message>
    <message>
        <source>better with RPI</source>
        <translation>besser mit RPI</translation>
    </message>
    <message>
        <source>worse with RPI</source>
        <translation>schlechter mit RPI</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>kein Unterschied</translation>
    </message>
    <message numerus="yes">
        <source>R2P with and without RPI (the run&apos;s shadow: the same users and seed, interventions off) on &lt;b&gt;%1&lt;/b&gt; over %n user(s) both scored: %2 with RPI, %3 without, Δ %4.</source>
        <translation>
            <numerusform>R2P mit und ohne RPI (der Schattenlauf: dieselben Nutzer und derselbe Seed, Eingriffe aus) auf &lt;b&gt;%1&lt;/b&gt; über %n von beiden bewerteten Nutzer: %2 mit RPI, %3 ohne, Δ %4.</numerusform>
            <numerusform>R2P mit und ohne RPI (der Schattenlauf: dieselben Nutzer und derselbe Seed, Eingriffe aus) auf &lt;b&gt;%1&lt;/b&gt; über %n von beiden bewertete Nutzer: %2 mit RPI, %3 ohne, Δ %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>RPI intervened on %1 of them: it helped %2, hurt %3 and changed nothing for %4.</source>
        <translation>RPI griff bei %1 von ihnen ein: es half %2, schadete %3 und änderte nichts bei %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) without any intervention still score differently: the shadow is not a faithful replay (the backend does not repeat itself at this seed), so part of each difference is sampling, not RPI.</source>
        <translation>
            <numerusform>%n Nutzer ohne jeden Eingriff wird trotzdem anders bewertet: der Schattenlauf ist keine getreue Wiederholung (das Backend wiederholt sich bei diesem Seed nicht), ein Teil jedes Unterschieds ist also Sampling, nicht RPI.</numerusform>
            <numerusform>%n Nutzer ohne jeden Eingriff werden trotzdem anders bewertet: der Schattenlauf ist keine getreue Wiederholung (das Backend wiederholt sich bei diesem Seed nicht), ein Teil jedes Unterschieds ist also Sampling, nicht RPI.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table lists the %1 largest changes of %2.</source>
        <translation>Die Tabelle zeigt die %1 größten Änderungen von %2.</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>half</translation>
    </message>
    <message>
        <source>hurt</source>
        <translation>schadete</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>With RPI − without: %1</source>
        <translation>Mit RPI − ohne: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>The bootstrap intervals are being computed.</source>
        <translation>Die Bootstrap-Intervalle werden berechnet.</translation>
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
    <name>r2p::ui::PairedUsersModel</name>
    <message>
        <source>Unknown filter &quot;%1&quot;: use is:regression, is:improvement or is:tie.</source>
        <translation>Unbekannter Filter „%1“: verwenden Sie is:regression, is:improvement oder is:tie.</translation>
    </message>
    <message>
        <source>improvement</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>Verschlechterung</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>B − A in the user&apos;s %1 (%2)</source>
        <translation>B − A in %1 des Nutzers (%2)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
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
        <translation>Änderung</translation>
    </message>
    <message>
        <source>A&apos;s answer</source>
        <translation>Antwort von A</translation>
    </message>
    <message>
        <source>B&apos;s answer</source>
        <translation>Antwort von B</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>correctness</source>
        <translation>Richtigkeit</translation>
    </message>
    <message>
        <source>absolute error</source>
        <translation>absoluter Fehler</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>quadrierter Fehler</translation>
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
    <message>
        <source>(also %1)</source>
        <translation>(auch %1)</translation>
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
    <message>
        <source> · answer &lt;b&gt;%1&lt;/b&gt; (F10 runs the engine on this user afresh)</source>
        <translation> · Antwort &lt;b&gt;%1&lt;/b&gt; (F10 führt die Engine für diesen Benutzer neu aus)</translation>
    </message>
    <message>
        <source> · stored as run %1</source>
        <translation> · gespeichert als Lauf %1</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Show every stage as a table instead of the timeline</source>
        <translation>Alle Stufen als Tabelle statt als Zeitleiste zeigen</translation>
    </message>
    <message>
        <source>Bars by Tokens</source>
        <translation>Balken nach Tokens</translation>
    </message>
    <message>
        <source>Bar lengths by tokens generated instead of elapsed time</source>
        <translation>Balkenlänge nach erzeugten Tokens statt nach vergangener Zeit</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#808080&apos;&gt;Gold: %1 · %2&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#808080&apos;&gt;Referenz: %1 · %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>answer in the task&apos;s format</source>
        <translation>Antwort im Format der Aufgabe</translation>
    </message>
    <message>
        <source>answer not in the format</source>
        <translation>Antwort nicht im Format</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Chain:</source>
        <translation>Kette:</translation>
    </message>
    <message>
        <source>The selected stage&apos;s text, or a tagged system&apos;s chain for this user in the shown run</source>
        <translation>Der Text der gewählten Stufe oder die getaggte Kette eines Systems für diesen Nutzer im gezeigten Lauf</translation>
    </message>
    <message>
        <source>Selected stage</source>
        <translation>Gewählte Stufe</translation>
    </message>
    <message>
        <source>%1 chain (run %2)</source>
        <translation>%1-Kette (Lauf %2)</translation>
    </message>
    <message>
        <source>the model&apos;s own tags</source>
        <translation>die eigenen Tags des Modells</translation>
    </message>
    <message>
        <source>spans as stored (%1)</source>
        <translation>Abschnitte wie gespeichert (%1)</translation>
    </message>
    <message>
        <source>auto-tagged by the %1: rules, not a language model</source>
        <translation>automatisch getaggt vom %1: Regeln, kein Sprachmodell</translation>
    </message>
    <message>
        <source>Open a dataset to see tagged chains.</source>
        <translation>Öffnen Sie einen Datensatz, um getaggte Ketten zu sehen.</translation>
    </message>
    <message>
        <source>Select a user of the shown run.</source>
        <translation>Wählen Sie einen Nutzer des gezeigten Laufs.</translation>
    </message>
    <message>
        <source>Run %1 has no finished %2 chain for user %3.</source>
        <translation>Lauf %1 hat keine fertige %2-Kette für Nutzer %3.</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>%1 has no reasoning chain to tag.</source>
        <translation>%1 hat keine Reasoning-Kette zum Taggen.</translation>
    </message>
    <message>
        <source>Name the annotator first (Annotations dock).</source>
        <translation>Geben Sie zuerst den Namen des Annotierenden an (Dock „Annotationen“).</translation>
    </message>
    <message>
        <source>Sub-steps covered: %1 of %2</source>
        <translation>Teilschritte abgedeckt: %1 von %2</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>fehlend: %1</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReasoningLengthView</name>
    <message numerus="yes">
        <source>%1 [%2, %3] (%n user(s))</source>
        <translation>
            <numerusform>%1 [%2, %3] (%n Nutzer)</numerusform>
            <numerusform>%1 [%2, %3] (%n Nutzer)</numerusform>
        </translation>
    </message>
    <message>
        <source>Bins:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation>Reasoning-Tokens</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Mean tokens</source>
        <translation>Mittlere Tokens</translation>
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
        <source>HRT level</source>
        <translation>HRT-Stufe</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Falsch</translation>
    </message>
    <message>
        <source>Tokens the level took for the answers that were right: median [25th, 75th percentile] (users)</source>
        <translation>Tokens der Stufe bei richtigen Antworten: Median [25., 75. Perzentil] (Nutzer)</translation>
    </message>
    <message>
        <source>Show a stored run in the Users view to see its reasoning length against its metric.</source>
        <translation>Zeigen Sie einen gespeicherten Lauf in der Nutzeransicht, um seine Reasoning-Länge gegen seine Metrik zu sehen.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>%1 by reasoning tokens per answer (%2 is better); the band is the 95% bootstrap interval of each bin.</source>
        <translation>%1 nach Reasoning-Tokens je Antwort (%2 ist besser); das Band ist das 95-%-Bootstrap-Intervall jeder Klasse.</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>niedriger</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>höher</translation>
    </message>
    <message>
        <source>%1 against reasoning tokens per answer</source>
        <translation>%1 gegen Reasoning-Tokens je Antwort</translation>
    </message>
    <message>
        <source>Reasoning tokens per answer (bin mean)</source>
        <translation>Reasoning-Tokens je Antwort (Klassenmittel)</translation>
    </message>
    <message>
        <source>Right (the answer is correct)</source>
        <translation>Richtig (die Antwort stimmt)</translation>
    </message>
    <message>
        <source>Right (exactly the gold rating)</source>
        <translation>Richtig (genau die Gold-Bewertung)</translation>
    </message>
    <message>
        <source>Right (ROUGE at least the system&apos;s median)</source>
        <translation>Richtig (ROUGE mindestens der Median des Systems)</translation>
    </message>
    <message>
        <source>Wrong (the others)</source>
        <translation>Falsch (die übrigen)</translation>
    </message>
    <message>
        <source>Quantile bins of each system&apos;s reasoning tokens per answer</source>
        <translation>Quantilklassen der Reasoning-Tokens je Antwort, für jedes System eigene</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Report</name>
    <message>
        <source>offline (no LLM)</source>
        <translation>offline (kein LLM)</translation>
    </message>
    <message>
        <source>replay (response cache)</source>
        <translation>Wiedergabe (Antwort-Cache)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>major</source>
        <translation>erheblich</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>whole answer</source>
        <translation>gesamte Antwort</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: „%2“</translation>
    </message>
    <message>
        <source>verdict of candidate %1</source>
        <translation>Urteil zu Kandidat %1</translation>
    </message>
    <message>
        <source>Generated by R2P Workbench on %1 (UTC).</source>
        <translation>Erstellt von der R2P-Werkbank am %1 (UTC).</translation>
    </message>
    <message>
        <source>The project %1 has no run %2.</source>
        <translation>Das Projekt %1 hat keinen Lauf %2.</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>Lauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systeme</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>HRT template</source>
        <translation>HRT-Vorlage</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation>Retrieval</translation>
    </message>
    <message>
        <source>%1, k = %2</source>
        <translation>%1, k = %2</translation>
    </message>
    <message>
        <source>Candidates (M)</source>
        <translation>Kandidaten (M)</translation>
    </message>
    <message>
        <source>RPI interventions per stage (at most)</source>
        <translation>RPI-Eingriffe je Stufe (höchstens)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Questions file</source>
        <translation>Fragendatei</translation>
    </message>
    <message>
        <source>Outputs file</source>
        <translation>Ausgabedatei</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Fehlerkategorie</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>R2P run %1 — %2</source>
        <translation>R2P-Lauf %1 — %2</translation>
    </message>
    <message>
        <source>Stakeholder report of a stored run: how it was set up, how each system scored, where R2P won and lost against the baselines, and what annotators found.</source>
        <translation>Bericht über einen gespeicherten Lauf für Stakeholder: wie er eingerichtet war, wie jedes System abschnitt, wo R2P gegenüber den Vergleichssystemen gewann und verlor und was die Annotatoren fanden.</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>Laufeinstellungen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>Users, format and reasoning</source>
        <translation>Nutzer, Format und Reasoning</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>In format</source>
        <translation>Im Format</translation>
    </message>
    <message>
        <source>Reasoning tokens per answer</source>
        <translation>Reasoning-Tokens je Antwort</translation>
    </message>
    <message>
        <source>Interventions per user</source>
        <translation>Eingriffe je Nutzer</translation>
    </message>
    <message>
        <source>R2P against each baseline</source>
        <translation>R2P gegen jedes Vergleichssystem</translation>
    </message>
    <message>
        <source>The run has no baseline to compare R2P with.</source>
        <translation>Der Lauf hat kein Vergleichssystem, mit der R2P verglichen werden kann.</translation>
    </message>
    <message>
        <source>Paired over the users both systems scored: Δ = R2P − baseline in the metric&apos;s units (for MAE and RMSE a negative Δ means R2P is better), with a paired bootstrap interval and the users won, tied and lost.</source>
        <translation>Gepaart über die Nutzer, die beide Systeme bewertet haben: Δ = R2P − Vergleich in den Einheiten der Metrik (bei MAE und RMSE bedeutet ein negatives Δ, dass R2P besser ist), mit gepaartem Bootstrap-Intervall sowie den gewonnenen, unentschiedenen und verlorenen Nutzern.</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>Sieg</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Gleichstand</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Niederlage</translation>
    </message>
    <message>
        <source>P(R2P better)</source>
        <translation>P(R2P besser)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Histogram of per-user deltas</source>
        <translation>Histogramm der Δ je Nutzer</translation>
    </message>
    <message>
        <source>Win, tie and loss against each baseline</source>
        <translation>Sieg, Gleichstand und Niederlage gegen jedes Vergleichssystem</translation>
    </message>
    <message>
        <source>Cross-reference verdicts</source>
        <translation>Urteile des Abgleichs</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>No verdicts are stored for this run.</source>
        <translation>Für diesen Lauf sind keine Urteile gespeichert.</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Nobody has annotated this run yet.</source>
        <translation>Diesen Lauf hat noch niemand annotiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) on this run.</source>
        <translation>
            <numerusform>%n Annotation in diesem Lauf.</numerusform>
            <numerusform>%n Annotationen in diesem Lauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failure label</source>
        <translation>Fehlerkategorie</translation>
    </message>
    <message>
        <source>Worst users against %1</source>
        <translation>Schlechteste Nutzer gegen %1</translation>
    </message>
    <message>
        <source>R2P was worse than %1 for no user.</source>
        <translation>R2P war bei keinem Nutzer schlechter als %1.</translation>
    </message>
    <message>
        <source>The users where R2P lost most against %1 on %2 (at most 10).</source>
        <translation>Die Nutzer, bei denen R2P gegen %1 bei %2 am deutlichsten verlor (höchstens 10).</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>R2P answer</source>
        <translation>R2P-Antwort</translation>
    </message>
    <message>
        <source>R2P</source>
        <translation>R2P</translation>
    </message>
    <message>
        <source>%1 answer</source>
        <translation>Antwort von %1</translation>
    </message>
    <message>
        <source>The questions file %1 is not available unchanged, so the input is not shown; the query retrieval used is.</source>
        <translation>Die Fragendatei %1 ist nicht unverändert verfügbar, daher wird die Eingabe nicht gezeigt, wohl aber die vom Retrieval verwendete Anfrage.</translation>
    </message>
    <message>
        <source>The questions file has no record of this user.</source>
        <translation>Die Fragendatei enthält keinen Datensatz dieses Nutzers.</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>%1 Prompt- + %2 Completion-Tokens</translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation>%1 Reasoning</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation>Modus %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>RPI rule</source>
        <translation>RPI-Regel</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Injected thought</source>
        <translation>Eingefügter Gedanke</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
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
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Bewerter</translation>
    </message>
    <message>
        <source>Final answer: candidate %1 — %2</source>
        <translation>Endgültige Antwort: Kandidat %1 — %2</translation>
    </message>
    <message>
        <source>Run %1 has no user &quot;%2&quot;.</source>
        <translation>Lauf %1 hat keinen Nutzer „%2“.</translation>
    </message>
    <message>
        <source>User %1 — R2P run %2</source>
        <translation>Nutzer %1 — R2P-Lauf %2</translation>
    </message>
    <message>
        <source>%1 · backend %2 · model %3 · HRT template %4 v%5</source>
        <translation>%1 · Backend %2 · Modell %3 · HRT-Vorlage %4 v%5</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Gold:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <source>none (the split has no outputs)</source>
        <translation>keine (die Aufteilung hat keine Ausgaben)</translation>
    </message>
    <message>
        <source>Retrieved history</source>
        <translation>Abgerufene Historie</translation>
    </message>
    <message>
        <source>Query used for retrieval:</source>
        <translation>Für das Retrieval verwendete Anfrage:</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>Profil-ID</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Matched terms</source>
        <translation>Passende Begriffe</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Bewertungen</translation>
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
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>R2P on %1: %2</source>
        <translation>R2P bei %1: %2</translation>
    </message>
    <message>
        <source>R2P stages</source>
        <translation>R2P-Stufen</translation>
    </message>
    <message>
        <source>R2P has no stored trace for this user.</source>
        <translation>R2P hat für diesen Nutzer keinen gespeicherten Verlauf.</translation>
    </message>
    <message>
        <source>No verdicts are stored for this user.</source>
        <translation>Für diesen Nutzer sind keine Urteile gespeichert.</translation>
    </message>
    <message>
        <source>Nobody has annotated this user on this run yet.</source>
        <translation>Diesen Nutzer hat in diesem Lauf noch niemand annotiert.</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Cannot write the report %1: the file must end in .html or .pdf.</source>
        <translation>Der Bericht %1 kann nicht geschrieben werden: Die Datei muss auf .html oder .pdf enden.</translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation>Der Bericht %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the report %1: the PDF could not be drawn.</source>
        <translation>Der Bericht %1 kann nicht geschrieben werden: Das PDF konnte nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>Each system&apos;s LaMP metrics over the users it finished. Intervals: %1.</source>
        <translation>Die LaMP-Metriken jedes Systems über die Nutzer, die es abgeschlossen hat. Intervalle: %1.</translation>
    </message>
    <message>
        <source>Δ (R2P − baseline)</source>
        <translation>Δ (R2P − Vergleich)</translation>
    </message>
    <message>
        <source>R2P − %1: %2</source>
        <translation>R2P − %1: %2</translation>
    </message>
    <message>
        <source>Candidate chains</source>
        <translation>Kandidatenketten</translation>
    </message>
    <message>
        <source>answer only, on the main chain&apos;s levels</source>
        <translation>nur die Antwort, auf den Ebenen der Hauptkette</translation>
    </message>
    <message>
        <source>independent, each from the first level</source>
        <translation>unabhängig, jede ab der ersten Ebene</translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation>Endgültige Antwort</translation>
    </message>
    <message>
        <source>combined by the model from the verdicts</source>
        <translation>vom Modell aus den Urteilen kombiniert</translation>
    </message>
    <message>
        <source>the best-supported candidate</source>
        <translation>der am besten gestützte Kandidat</translation>
    </message>
    <message>
        <source>%1, temperature %2, at most %3 tokens</source>
        <translation>%1, Temperatur %2, höchstens %3 Tokens</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message numerus="yes">
        <source>The run was spread over %n replica(s) of its model. Requests count every attempt sent; a failed one was retried on another replica.</source>
        <translation>
            <numerusform>Der Lauf war auf %n Replikat seines Modells verteilt. Anfragen zählen jeden gesendeten Versuch; ein fehlgeschlagener wurde auf einem anderen Replikat wiederholt.</numerusform>
            <numerusform>Der Lauf war auf %n Replikate seines Modells verteilt. Anfragen zählen jeden gesendeten Versuch; ein fehlgeschlagener wurde auf einem anderen Replikat wiederholt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Tokens</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Antwort-Tokens</translation>
    </message>
    <message>
        <source>Taken out</source>
        <translation>Herausgenommen</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>%1&apos;s own settings</source>
        <translation>Eigene Einstellungen von %1</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>project&apos;s own</source>
        <translation>projekteigenen</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>mitgelieferten</translation>
    </message>
    <message>
        <source>From cache</source>
        <translation>Aus dem Cache</translation>
    </message>
    <message>
        <source>Intervention tokens</source>
        <translation>Tokens der Eingriffe</translation>
    </message>
    <message>
        <source>Request time</source>
        <translation>Anfragezeit</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Requests count every attempt, interventions and re-asks included; intervention tokens are those of the requests after a step&apos;s first (each sends the whole context again). Money in %1 at the %2 price table&apos;s prices per million tokens.</source>
        <translation>Anfragen zählen jeden Versuch, Eingriffe und Nachfragen eingeschlossen; Tokens der Eingriffe sind die der Anfragen nach der ersten eines Schritts (jede sendet den ganzen Kontext erneut). Geld in %1 zu den Preisen je Million Tokens der %2 Preistabelle.</translation>
    </message>
    <message>
        <source>Tagged reasoning</source>
        <translation>Getaggtes Reasoning</translation>
    </message>
    <message>
        <source>Chains checked against the tag set %1; intervals are 95% bootstrap intervals over the chains.</source>
        <translation>Ketten geprüft gegen das Tag-Set %1; die Intervalle sind 95-%-Bootstrap-Intervalle über die Ketten.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n chain(s)</source>
        <translation>
            <numerusform>%1: %n Kette</numerusform>
            <numerusform>%1: %n Ketten</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean constraint score %1 %2; chains breaking a rule: %3.</source>
        <translation>Mittlerer Regelwert %1 %2; Ketten, die eine Regel verletzen: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Chains with</source>
        <translation>Ketten mit Tag</translation>
    </message>
    <message>
        <source>%1 with the tag</source>
        <translation>%1 mit dem Tag</translation>
    </message>
    <message>
        <source>%1 without</source>
        <translation>%1 ohne</translation>
    </message>
    <message>
        <source>What RPI changed</source>
        <translation>Was RPI änderte</translation>
    </message>
    <message>
        <source>R2P was also run with interventions off (the same users and seed). On %1 over %2 users both scored: %3 with RPI, %4 without. RPI intervened on %5 of them: it helped %6, hurt %7 and changed nothing for %8.</source>
        <translation>R2P lief auch ohne Eingriffe (dieselben Nutzer und derselbe Seed). Auf %1 über %2 von beiden bewertete Nutzer: %3 mit RPI, %4 ohne. RPI griff bei %5 von ihnen ein: es half %6, schadete %7 und änderte nichts bei %8.</translation>
    </message>
    <message>
        <source>%1 users without any intervention still score differently: part of each difference is sampling.</source>
        <translation>%1 Nutzer ohne jeden Eingriff werden trotzdem anders bewertet: ein Teil jedes Unterschieds ist Sampling.</translation>
    </message>
    <message>
        <source>With RPI</source>
        <translation>Mit RPI</translation>
    </message>
    <message>
        <source>Without RPI</source>
        <translation>Ohne RPI</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>half</translation>
    </message>
    <message>
        <source>hurt</source>
        <translation>schadete</translation>
    </message>
</context>
<context>
    <name>r2p::ui::ReportCharts</name>
    <message>
        <source>Per-user Δ, R2P against %1 (%2; right of 0: R2P better)</source>
        <translation>Δ je Nutzer, R2P gegen %1 (%2; rechts von 0: R2P besser)</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>baseline %1 − R2P %1</source>
        <translation>Vergleich %1 − R2P %1</translation>
    </message>
    <message>
        <source>R2P %1 − baseline %1</source>
        <translation>R2P %1 − Vergleich %1</translation>
    </message>
    <message>
        <source>R2P against each baseline: users won, tied and lost (%1)</source>
        <translation>R2P gegen jedes Vergleichssystem: gewonnene, unentschiedene und verlorene Nutzer (%1)</translation>
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
    <message>
        <source>stored run #%1</source>
        <translation>gespeicherter Lauf #%1</translation>
    </message>
    <message>
        <source>The finished run could not be stored: %1</source>
        <translation>Der beendete Lauf konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunResults</name>
    <message>
        <source>Run %1 has no %2 answers to compare R2P with.</source>
        <translation>Lauf %1 hat keine Antworten von %2, mit denen R2P verglichen werden kann.</translation>
    </message>
</context>
<context>
    <name>r2p::ui::RunText</name>
    <message>
        <source>Run %1 · interactive, user %2</source>
        <translation>Lauf %1 · interaktiv, Nutzer %2</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3</source>
        <translation>Lauf %1 · %2 · %3</translation>
    </message>
    <message>
        <source>A one-user R2P run stored by the Reasoning dock (interactive).</source>
        <translation>Ein R2P-Lauf mit einem Nutzer, vom Begründungs-Dock gespeichert (interaktiv).</translation>
    </message>
    <message>
        <source>Systems: %1</source>
        <translation>Systeme: %1</translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>Nutzer: %1</translation>
    </message>
    <message>
        <source>Backend: %1 · model: %2</source>
        <translation>Backend: %1 · Modell: %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>repeat %1 of %2</source>
        <translation>Wiederholung %1 von %2</translation>
    </message>
    <message>
        <source>Retrieval: %1, k = %2 · seed %3</source>
        <translation>Abruf: %1, k = %2 · Seed %3</translation>
    </message>
    <message>
        <source>Judge model: %1</source>
        <translation>Richtermodell: %1</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>Temperatur %1</translation>
    </message>
    <message>
        <source>top-p %1</source>
        <translation>Top-p %1</translation>
    </message>
    <message>
        <source>at most %1 tokens</source>
        <translation>höchstens %1 Tokens</translation>
    </message>
</context>
<context>
    <name>r2p::ui::Session</name>
    <message>
        <source>No project is open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Run %1 has no %2 answers to compare with.</source>
        <translation>Lauf %1 hat keine Antworten von %2 zum Vergleichen.</translation>
    </message>
    <message>
        <source>No run is shown.</source>
        <translation>Es wird kein Lauf gezeigt.</translation>
    </message>
    <message>
        <source>Run %1 cannot be compared on %2.</source>
        <translation>Lauf %1 lässt sich nicht auf %2 vergleichen.</translation>
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
    <message>
        <source>each its own chain from the first level</source>
        <translation>jeder eine eigene Kette ab der ersten Ebene</translation>
    </message>
    <message>
        <source>answer only, on the main chain&apos;s levels (cheaper)</source>
        <translation>nur die Antwort, auf den Ebenen der Hauptkette (günstiger)</translation>
    </message>
    <message>
        <source>Candidate chains:</source>
        <translation>Kandidatenketten:</translation>
    </message>
    <message>
        <source>select the best-supported candidate</source>
        <translation>den am besten gestützten Kandidaten wählen</translation>
    </message>
    <message>
        <source>combine: the model writes it from the verdicts</source>
        <translation>kombinieren: das Modell schreibt sie aus den Urteilen</translation>
    </message>
    <message>
        <source>Final answer:</source>
        <translation>Endgültige Antwort:</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · template %4 version %5 (%6)</source>
        <translation>Lauf %1 · %2 · %3 · Vorlage %4 Version %5 (%6)</translation>
    </message>
    <message>
        <source>text not kept</source>
        <translation>Text nicht gespeichert</translation>
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
    <message>
        <source>unparsed</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>%1 · candidate %2</source>
        <translation>%1 · Kandidat %2</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>No span of words repeats in a loop (divergent rambling).</source>
        <translation>Keine Wortfolge wiederholt sich in einer Schleife (abschweifendes Denken).</translation>
    </message>
    <message>
        <source>complied</source>
        <translation>befolgt</translation>
    </message>
    <message>
        <source>violated again</source>
        <translation>erneut verletzt</translation>
    </message>
    <message>
        <source>gave up: still violated</source>
        <translation>aufgegeben: weiterhin verletzt</translation>
    </message>
    <message>
        <source>running (or stopped without a word: resumable)</source>
        <translation>läuft (oder wurde wortlos beendet: fortsetzbar)</translation>
    </message>
    <message>
        <source>cancelled (resumable)</source>
        <translation>abgebrochen (fortsetzbar)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>R2P without RPI</source>
        <translation>R2P ohne RPI</translation>
    </message>
    <message>
        <source>TagPR</source>
        <translation>TagPR</translation>
    </message>
    <message>
        <source>no gold output</source>
        <translation>keine Referenzausgabe</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>prefill</source>
        <translation>Prefill</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>lexical</source>
        <translation>lexikalisch</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>R2P without HRT</source>
        <translation>R2P ohne HRT</translation>
    </message>
    <message>
        <source>R2P without cross-reference</source>
        <translation>R2P ohne Kreuzreferenz</translation>
    </message>
    <message>
        <source>sub-step coverage</source>
        <translation>Teilschritt-Abdeckung</translation>
    </message>
    <message>
        <source>Every sub-step the template marks opens a line of the level with its marker.</source>
        <translation>Jeder Teilschritt, den die Vorlage markiert, beginnt eine Zeile der Ebene mit seiner Markierung.</translation>
    </message>
</context>
<context>
    <name>r2p::ui::StageTimelineModel</name>
    <message>
        <source>HRT levels</source>
        <translation>HRT-Ebenen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>%1 tok</source>
        <translation>%1 Tok.</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Vergangene Zeit</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
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
    <message>
        <source>Server tokens: %1 prompt, %2 completion, %3 reasoning</source>
        <translation>Server-Token: %1 Prompt, %2 Antwort, %3 Reasoning</translation>
    </message>
    <message>
        <source>Server speed: %1 prompt tokens/s, %2 generated tokens/s</source>
        <translation>Server-Tempo: %1 Prompt-Token/s, %2 erzeugte Token/s</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>From the response cache of %1</source>
        <translation>Aus dem Antwort-Cache von %1</translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation>Beantwortet von %1</translation>
    </message>
</context>
<context>
    <name>r2p::ui::TagChainView</name>
    <message>
        <source>Every tag constraint the chain breaks; click one to select its span</source>
        <translation>Jede Tag-Regel, die die Kette verletzt; ein Klick wählt ihren Abschnitt</translation>
    </message>
    <message numerus="yes">
        <source>%1 · tag set &lt;i&gt;%2&lt;/i&gt; v%3 · %n segment(s)</source>
        <translation>
            <numerusform>%1 · Tag-Set &lt;i&gt;%2&lt;/i&gt; v%3 · %n Segment</numerusform>
            <numerusform>%1 · Tag-Set &lt;i&gt;%2&lt;/i&gt; v%3 · %n Segmente</numerusform>
        </translation>
    </message>
    <message>
        <source> · constraint score &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · Regelwert &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;i&gt;still streaming: open tags are provisional&lt;/i&gt;</source>
        <translation> · &lt;i&gt;wird noch gestreamt: offene Tags sind vorläufig&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation>%1%2: %3</translation>
    </message>
    <message>
        <source>✔ Every constraint holds.</source>
        <translation>✔ Jede Regel ist erfüllt.</translation>
    </message>
    <message>
        <source>No violation so far.</source>
        <translation>Bisher keine Verletzung.</translation>
    </message>
    <message>
        <source>Select text, then 1-9 tags it with the legend&apos;s n-th tag as your correction, 0 removes your tags over it</source>
        <translation>Text auswählen, dann taggt 1-9 ihn als Ihre Korrektur mit dem n-ten Tag der Legende, 0 entfernt Ihre Tags darüber</translation>
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
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Segments per tag</source>
        <translation>Segmente je Tag</translation>
    </message>
    <message>
        <source>Constraint score</source>
        <translation>Regelwert</translation>
    </message>
    <message>
        <source>%1 as SVG…</source>
        <translation>%1 als SVG…</translation>
    </message>
    <message>
        <source>%1 as PNG…</source>
        <translation>%1 als PNG…</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>System:</translation>
    </message>
    <message>
        <source>The system whose tag table, transitions and score chart are shown</source>
        <translation>Das System, dessen Tag-Tabelle, Übergänge und Wertdiagramm gezeigt werden</translation>
    </message>
    <message>
        <source>How often a segment of the row&apos;s tag is followed by one of the column&apos;s; red: the tag set does not allow it</source>
        <translation>Wie oft auf ein Segment mit dem Tag der Zeile eines mit dem Tag der Spalte folgt; rot: das Tag-Set erlaubt es nicht</translation>
    </message>
    <message>
        <source>Show a stored run with the tagpr system (r2p run --systems tagpr,...) to see its tagged chains.</source>
        <translation>Zeigen Sie einen gespeicherten Lauf mit dem System tagpr (r2p run --systems tagpr,...), um seine getaggten Ketten zu sehen.</translation>
    </message>
    <message>
        <source>Checking the tagged chains…</source>
        <translation>Die getaggten Ketten werden geprüft…</translation>
    </message>
    <message>
        <source>Run %1 has no tagged chains: run the tagpr system, or tag a chain by hand.</source>
        <translation>Lauf %1 hat keine getaggten Ketten: Führen Sie das System tagpr aus oder taggen Sie eine Kette von Hand.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n chain(s) under tag set &lt;i&gt;%2&lt;/i&gt;; mean constraint score %3 [%4, %5]. Chains breaking a rule: %6.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Kette unter Tag-Set &lt;i&gt;%2&lt;/i&gt;; mittlerer Regelwert %3 [%4, %5]. Ketten, die eine Regel verletzen: %6.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Ketten unter Tag-Set &lt;i&gt;%2&lt;/i&gt;; mittlerer Regelwert %3 [%4, %5]. Ketten, die eine Regel verletzen: %6.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Chains with</source>
        <translation>Ketten mit Tag</translation>
    </message>
    <message>
        <source>Tokens (right answers)</source>
        <translation>Tokens (richtige Antworten)</translation>
    </message>
    <message>
        <source>Tokens (wrong answers)</source>
        <translation>Tokens (falsche Antworten)</translation>
    </message>
    <message>
        <source>%1 with the tag</source>
        <translation>%1 mit dem Tag</translation>
    </message>
    <message>
        <source>%1 without</source>
        <translation>%1 ohne</translation>
    </message>
    <message>
        <source>The per-user %1 (%2) of the chains with and without the tag: mean [95% bootstrap interval] · chains</source>
        <translation>%1 je Nutzer (%2) der Ketten mit und ohne das Tag: Mittel [95-%-Bootstrap-Intervall] · Ketten</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a tag of the project&apos;s tag set</source>
        <translation>&lt;%1&gt; ist kein Tag des Tag-Sets des Projekts</translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>%1 → %2: %3, not allowed by the tag set</source>
        <translation>%1 → %2: %3, vom Tag-Set nicht erlaubt</translation>
    </message>
    <message>
        <source>%1 by constraint score · r %2</source>
        <translation>%1 nach Regelwert · r %2</translation>
    </message>
    <message>
        <source>%1 by constraint score</source>
        <translation>%1 nach Regelwert</translation>
    </message>
    <message>
        <source>One point per chain: its constraint score and its user&apos;s %1 (%2); r is Pearson&apos;s correlation over the chains. A high score with a bad %1 is what reward hacking looks like.</source>
        <translation>Ein Punkt je Kette: ihr Regelwert und %1 ihres Nutzers (%2); r ist Pearsons Korrelation über die Ketten. Ein hoher Wert mit schlechtem %1 ist, wie Reward-Hacking aussieht.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2: κ %3 over %4 characters of %n chain(s)</source>
        <translation>
            <numerusform>%1 und %2: κ %3 über %4 Zeichen in %n Kette</numerusform>
            <numerusform>%1 und %2: κ %3 über %4 Zeichen in %n Ketten</numerusform>
        </translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>Agreement on tags: %1</source>
        <translation>Übereinstimmung bei Tags: %1</translation>
    </message>
    <message numerus="yes">
        <source>Reward model &lt;i&gt;%1&lt;/i&gt;: mean %2 over %n chain(s); r with %3: %4</source>
        <translation>
            <numerusform>Reward-Modell &lt;i&gt;%1&lt;/i&gt;: Mittel %2 über %n Kette; r mit %3: %4</numerusform>
            <numerusform>Reward-Modell &lt;i&gt;%1&lt;/i&gt;: Mittel %2 über %n Ketten; r mit %3: %4</numerusform>
        </translation>
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
    <name>r2p::ui::Triage</name>
    <message>
        <source>Label %1</source>
        <translation>Kategorie %1</translation>
    </message>
    <message>
        <source>Label the &amp;Whole Run</source>
        <translation>&amp;Ganzen Lauf kennzeichnen</translation>
    </message>
    <message>
        <source>&amp;Next Unannotated User</source>
        <translation>&amp;Nächster nicht annotierter Nutzer</translation>
    </message>
    <message>
        <source>&amp;Previous Unannotated User</source>
        <translation>&amp;Vorheriger nicht annotierter Nutzer</translation>
    </message>
    <message>
        <source>Cycle &amp;Severity</source>
        <translation>&amp;Schweregrad wechseln</translation>
    </message>
    <message>
        <source>Write a N&amp;ote</source>
        <translation>N&amp;otiz schreiben</translation>
    </message>
    <message>
        <source>&amp;Bookmark This</source>
        <translation>&amp;Lesezeichen setzen</translation>
    </message>
    <message>
        <source>Ne&amp;xt Bookmark</source>
        <translation>Nä&amp;chstes Lesezeichen</translation>
    </message>
    <message>
        <source>Pre&amp;vious Bookmark</source>
        <translation>Vo&amp;rheriges Lesezeichen</translation>
    </message>
    <message>
        <source>Triage &amp;Cheat-Sheet</source>
        <translation>Triage-&amp;Kurzübersicht</translation>
    </message>
    <message>
        <source>Select text</source>
        <translation>Text markieren</translation>
    </message>
    <message>
        <source>in the Reasoning stream, then a number: label that span</source>
        <translation>im Reasoning-Stream, dann eine Zahl: diesen Abschnitt kennzeichnen</translation>
    </message>
    <message>
        <source>Click a stage or verdict</source>
        <translation>Stufe oder Urteil anklicken</translation>
    </message>
    <message>
        <source>then a number: label that stage or verdict</source>
        <translation>dann eine Zahl: diese Stufe oder dieses Urteil kennzeichnen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>in the annotation list: remove the selected annotation</source>
        <translation>in der Annotationsliste: ausgewählte Annotation entfernen</translation>
    </message>
    <message>
        <source>Triage Shortcuts</source>
        <translation>Triage-Tastenkürzel</translation>
    </message>
    <message>
        <source>Bookmarks mark users of a stored run.</source>
        <translation>Lesezeichen markieren Nutzer eines gespeicherten Laufs.</translation>
    </message>
    <message>
        <source>Bookmarked user %1.</source>
        <translation>Lesezeichen für Nutzer %1 gesetzt.</translation>
    </message>
    <message>
        <source>&amp;Undo Label, Removal or Note</source>
        <translation>Label, Entfernen oder Notiz &amp;rückgängig</translation>
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
        <source>“%1”: tag-score needs a number, e.g. tag-score&lt;0.8</source>
        <translation>„%1“: tag-score braucht eine Zahl, z. B. tag-score&lt;0.8</translation>
    </message>
    <message>
        <source>“%1”: unknown filter; use id:, gold:, user:, profile&gt;N, has:gold, is:worse, is:better, delta&lt;X, has:intervention, has:contradicted, has:annotation, no:annotation, label:ID, has:tag-violation, missing-tag:ID, tag-score&lt;X</source>
        <translation>„%1“: unbekannter Filter; verwenden Sie id:, gold:, user:, profile&gt;N, has:gold, is:worse, is:better, delta&lt;X, has:intervention, has:contradicted, has:annotation, no:annotation, label:ID, has:tag-violation, missing-tag:ID, tag-score&lt;X</translation>
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
    <message>
        <source>The stored run whose answers and deltas the users show (F6)</source>
        <translation>Der gespeicherte Lauf, dessen Antworten und Deltas die Nutzer zeigen (F6)</translation>
    </message>
    <message>
        <source>R2P against:</source>
        <translation>R2P gegen:</translation>
    </message>
    <message>
        <source>The baseline R2P is compared with: the Δ column, Metrics, Compare, Slices and reports follow it (Shift+F6)</source>
        <translation>Die Vergleichsbasis für R2P: die Δ-Spalte, Metriken, Vergleich, Teilmengen und Berichte folgen ihr (Umschalt+F6)</translation>
    </message>
    <message>
        <source>Run %1 cannot be shown: %2</source>
        <translation>Lauf %1 kann nicht gezeigt werden: %2</translation>
    </message>
    <message>
        <source>No stored run: Run ▸ Run Batch… (Ctrl+B)</source>
        <translation>Kein gespeicherter Lauf: Lauf ▸ Stapel ausführen… (Strg+B)</translation>
    </message>
    <message>
        <source>Plain words match id or gold. id:, gold:, user: match one column; profile&gt;N, profile&lt;=N compare profile sizes; has:gold, no:gold. With a run shown: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure; on tagged chains: has:tag-violation, missing-tag:ID, tag-score&lt;X.</source>
        <translation>Einfache Wörter passen auf ID oder Referenz. id:, gold:, user: passen auf eine Spalte; profile&gt;N, profile&lt;=N vergleichen Profilgrößen; has:gold, no:gold. Mit gezeigtem Lauf: is:worse, is:better, is:tie, delta&lt;X, has:intervention, has:contradicted, has:failed, has:format-failure; bei getaggten Ketten: has:tag-violation, missing-tag:ID, tag-score&lt;X.</translation>
    </message>
    <message>
        <source>on:</source>
        <translation>auf:</translation>
    </message>
    <message>
        <source>The metric R2P is compared on: the scores and Δ here, Metrics&apos; comparison and charts, Slices and reports follow it. A run&apos;s own main metric until you pick one (ROUGE-1 unless it was run with another).</source>
        <translation>Die Metrik, auf der R2P verglichen wird: Werte und Δ hier, Vergleich und Diagramme der Metriken, Slices und Berichte folgen ihr. Bis Sie eine wählen, die eigene Hauptmetrik des Laufs (ROUGE-1, sofern er nicht mit einer anderen lief).</translation>
    </message>
    <message>
        <source>none in this run</source>
        <translation>keine in diesem Lauf</translation>
    </message>
    <message>
        <source>Reading run %1…</source>
        <translation>Lauf %1 wird gelesen…</translation>
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
        <source>RPI interventions in R2P&apos;s run</source>
        <translation>RPI-Eingriffe im R2P-Lauf</translation>
    </message>
    <message>
        <source>Candidates the cross-reference found contradicted</source>
        <translation>Kandidaten, die der Abgleich als widerlegt fand</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) on the shown run</source>
        <translation>
            <numerusform>%n Annotation im angezeigten Lauf</numerusform>
            <numerusform>%n Annotationen im angezeigten Lauf</numerusform>
        </translation>
    </message>
    <message>
        <source>annotated on an earlier run of this questions file</source>
        <translation>in einem früheren Lauf dieser Fragendatei annotiert</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Failure annotations on the shown run (◷: annotated on an earlier run)</source>
        <translation>Fehlerannotationen im angezeigten Lauf (◷: in einem früheren Lauf annotiert)</translation>
    </message>
    <message>
        <source>R2P minus %1 on %2: %3 (%4)</source>
        <translation>R2P minus %1 bei %2: %3 (%4)</translation>
    </message>
    <message>
        <source>R2P minus the baseline on the task&apos;s main metric (green: R2P better, red: R2P worse; for MAE and RMSE lower is better)</source>
        <translation>R2P minus der Vergleich in der Hauptmetrik der Aufgabe (grün: R2P besser, rot: R2P schlechter; bei MAE und RMSE ist niedriger besser)</translation>
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
        <translation>Konsens</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Endgültig</translation>
    </message>
    <message>
        <source>The retrieved items the cross-reference found supporting this candidate</source>
        <translation>Die abgerufenen Einträge, die laut Abgleich diesen Kandidaten stützen</translation>
    </message>
    <message>
        <source>How far this candidate agrees with the other candidates (the cross-reference&apos;s consensus)</source>
        <translation>Wie weit dieser Kandidat mit den anderen Kandidaten übereinstimmt (der Konsens des Abgleichs)</translation>
    </message>
    <message>
        <source>The candidate the cross-reference chose as the final answer</source>
        <translation>Der Kandidat, den der Abgleich als endgültige Antwort gewählt hat</translation>
    </message>
</context>
</TS>

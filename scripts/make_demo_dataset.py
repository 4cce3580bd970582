#!/usr/bin/env python3
"""Writes the bundled R2P Workbench demo dataset: six small LaMP-format tasks.

Everything here is synthetic. All prose is assembled from the hand-written building blocks in
this file (written by the R2P team); nothing is copied from LaMP or any other corpus. The script
uses only the standard library and a fixed seed, so running it again rewrites identical bytes.

    python3 scripts/make_demo_dataset.py          # (re)writes resources/demo/LaMP-*/ and validates
    python3 scripts/make_demo_dataset.py --check  # validates the files already on disk

The output is committed; the build never runs this script.
"""

import json
import random
import re
import statistics
import sys
from pathlib import Path

SEED = 20240611
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "demo"
USERS = 20
MIN_ITEMS, MAX_ITEMS = 10, 60
# Profile sizes, shuffled per task so each task has a different user holding the big profile.
BASE_SIZES = [10, 11, 12, 14, 16, 19, 22, 25, 28, 31, 34, 37, 40, 43, 46, 49, 52, 55, 58, 60]

LAMP2_TAGS = ["sci-fi", "based on a book", "comedy", "action", "twist ending", "dystopia",
              "dark comedy", "classic", "psychology", "fantasy", "romance", "thought-provoking",
              "social commentary", "violence", "true story"]

TEMPLATES = {
    1: ('For an author who has written the paper with the title "{title}", which reference is '
        'related? Just answer with [1] or [2] without explanation. [1]: "{ref1}" [2]: "{ref2}"'),
    2: ("Which tag does this movie relate to among the following tags? Just answer with the tag "
        "name without further explanation. tags: [" + ", ".join(LAMP2_TAGS) + "] description: "
        "{description}"),
    3: ("What is the score of the following review on a scale of 1 to 5? just answer with 1, 2, "
        "3, 4, or 5 without further explanation. review: {text}"),
    4: "Generate a headline for the following article: {text}",
    5: "Generate a title for the following abstract of a paper: {abstract}",
    7: "Paraphrase the following tweet without any explanation before or after it: {text}",
}

# ----------------------------------------------------------------------------------------------
# Text helpers

_ALT = re.compile(r"<([^<>]*)>")


def vary(rng, text):
    """Resolves every <a|b|c> group to one randomly chosen option (an empty option drops it)."""
    while True:
        m = _ALT.search(text)
        if not m:
            return text
        text = text[:m.start()] + rng.choice(m.group(1).split("|")) + text[m.end():]


def tidy(s):
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r" +([,.;:!?])", r"\1", s)


def an(word):
    """The word with its indefinite article."""
    return ("an " if word[:1].lower() in "aeiou" and not word.lower().startswith(("one", "uni", "eu"))
            else "a ") + word


def cap(s):
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
        if ch.isdigit():
            return s
    return s


SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "for", "in", "on", "at", "to",
               "by", "with", "via", "from", "as", "into", "vs", "per", "across", "under"}


def _tc_part(p, force):
    if not p or any(ch.isupper() for ch in p) or not p[0].isalpha():
        return p
    if not force and p.lower() in SMALL_WORDS:
        return p
    return p[0].upper() + p[1:]


def title_case(s):
    out = []
    words = s.split(" ")
    for i, w in enumerate(words):
        first = i == 0 or words[i - 1].endswith((":", "?", "—", "!"))
        m = re.match(r"^([\"'‘“(]*)(.*)$", w)
        lead, core = m.groups()
        parts = core.split("-")
        parts = [_tc_part(p, first if j == 0 else False) if j == 0 else _tc_part(p, False)
                 for j, p in enumerate(parts)]
        if lead and parts:
            parts[0] = _tc_part(parts[0], True)
        out.append(lead + "-".join(parts))
    return " ".join(out)


def weighted(rng, pairs):
    """pairs: [(value, weight), ...]"""
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x <= 0:
            return value
    return pairs[-1][0]


def profile_sizes(rng):
    sizes = BASE_SIZES[:]
    rng.shuffle(sizes)
    return sizes


class Ids:
    """Question ids 'T100'.. and profile item ids 'T1000'.. for task T."""

    def __init__(self, task):
        self.task = task
        self.items = 0

    def question(self, user):
        return f"{self.task}{100 + user}"

    def item(self):
        self.items += 1
        assert self.items < 9000
        return f"{self.task}{1000 + self.items - 1}"


def add_near_duplicates(rng, items, count, mutate, ids):
    """Appends `count` lightly edited copies of random items (same content, new id)."""
    for _ in range(count):
        src = rng.choice(items)
        dup = mutate(rng, dict(src))
        dup["id"] = ids.item()
        items.insert(rng.randint(0, len(items)), dup)


def fresh(make, seen, *parts):
    """Calls make() until none of the chosen parts of its result occurred before for this user
    (so a profile has no accidental exact repeats and the gold is not copied verbatim)."""
    for _ in range(80):
        out = make()
        keys = [part(out) for part in parts]
        if not any(k in seen for k in keys):
            break
    seen.update(keys)
    return out


def first(x):
    return x[0]


def second(x):
    return x[1]


def order_item(item, keys):
    return {k: item[k] for k in keys if k in item}


# ----------------------------------------------------------------------------------------------
# Scholarly building blocks (LaMP-1 and LaMP-5)

PROPS = {
    "robust": "robustness", "efficient": "efficiency", "scalable": "scalability",
    "interpretable": "interpretability", "fair": "fairness", "accurate": "accuracy",
    "data-efficient": "data efficiency", "calibrated": "calibration", "private": "privacy",
    "reliable": "reliability", "energy-efficient": "energy efficiency", "stable": "stability",
    "inclusive": "inclusiveness", "low-latency": "latency", "accessible": "accessibility",
    "durable": "durability", "sustainable": "sustainability", "equitable": "equity",
    "usable": "usability", "sound": "soundness", "expressive": "expressiveness",
}

FIELDS = {
    "ir": dict(
        kind="build", group="ml",
        objects=["dense passage retrieval", "query reformulation", "session-based recommendation",
                 "click models", "conversational search", "product search",
                 "query autocompletion"],
        methods=["contrastive pretraining", "knowledge distillation", "listwise learning to rank",
                 "graph neural networks", "counterfactual estimation", "sparse lexical expansion",
                 "pseudo-relevance feedback"],
        settings=["e-commerce query logs", "a public web collection", "a news archive",
                  "an academic search engine", "multilingual query sets"],
        props=["robust", "efficient", "fair", "calibrated", "accurate"],
        challenges=["relevance labels are scarce and noisy",
                    "user intent shifts within a single session",
                    "index sizes grow faster than hardware budgets",
                    "popular items dominate the training signal",
                    "position bias distorts logged clicks"],
        apps=["web search", "digital libraries", "online marketplaces"],
        units=["queries", "sessions", "documents"],
        components=["the negative sampling strategy", "the auxiliary ranking loss",
                    "the query encoder warm-up"]),
    "medimg": dict(
        kind="build", group="ml",
        objects=["lesion segmentation", "chest radiograph classification", "MRI reconstruction",
                 "retinal image grading", "histopathology slide analysis",
                 "ultrasound view detection"],
        methods=["self-supervised pretraining", "uncertainty-aware ensembles", "diffusion models",
                 "test-time adaptation", "weakly supervised learning", "federated training"],
        settings=["multi-site hospital data", "a public radiology benchmark", "low-field scanners",
                  "a pediatric cohort", "screening programs in rural clinics"],
        props=["robust", "calibrated", "interpretable", "data-efficient", "fair"],
        challenges=["expert annotations are expensive to obtain",
                    "scanner differences cause sharp drops in accuracy",
                    "rare findings are underrepresented in training data",
                    "clinicians need to know when a prediction should not be trusted"],
        apps=["clinical decision support", "population screening", "radiology workflows"],
        units=["scans", "patients", "image patches"],
        components=["the anatomical prior", "the consistency regularizer",
                    "the stain normalization step"]),
    "speech": dict(
        kind="build", group="ml",
        objects=["automatic speech recognition", "speaker diarization", "keyword spotting",
                 "speech enhancement", "dysarthric speech recognition",
                 "code-switched speech recognition"],
        methods=["self-supervised speech representations", "streaming transducers",
                 "adapter tuning", "room-simulation augmentation", "multitask learning",
                 "connectionist temporal classification"],
        settings=["far-field meeting recordings", "call-center audio", "child speech corpora",
                  "noisy in-car recordings", "low-resource languages"],
        props=["robust", "efficient", "low-latency", "accurate", "inclusive"],
        challenges=["word error rates rise sharply in reverberant rooms",
                    "transcribed audio is scarce for most of the world's languages",
                    "on-device models must fit in a few megabytes",
                    "speakers who switch languages mid-sentence confuse standard decoders"],
        apps=["voice assistants", "meeting transcription", "accessibility tools"],
        units=["utterances", "speakers", "audio frames"],
        components=["the frame-level masking schedule", "the lightweight adapter layers",
                    "the language-identity embedding"]),
    "robotics": dict(
        kind="build", group="eng",
        objects=["grasp planning", "legged locomotion", "multi-robot task allocation",
                 "visual navigation", "deformable object manipulation", "human-robot handovers"],
        methods=["model predictive control", "reinforcement learning from demonstrations",
                 "sim-to-real transfer", "tactile sensing", "imitation learning",
                 "trajectory optimization"],
        settings=["cluttered warehouse shelves", "uneven outdoor terrain",
                  "a household kitchen testbed", "a fleet of delivery robots",
                  "surgical training phantoms"],
        props=["robust", "data-efficient", "stable", "efficient", "reliable"],
        challenges=["policies trained in simulation often fail on real hardware",
                    "contact-rich tasks are difficult to model",
                    "robots must react within milliseconds",
                    "collecting demonstrations is slow and costly"],
        apps=["logistics", "assistive care", "agricultural automation"],
        units=["trajectories", "episodes", "contact events"],
        components=["the learned contact model", "the domain randomization schedule",
                    "the recovery controller"]),
    "compbio": dict(
        kind="build", group="natsci",
        objects=["protein structure prediction", "single-cell clustering",
                 "variant effect prediction", "gene regulatory network inference",
                 "antibody design", "metagenomic binning"],
        methods=["protein language models", "Bayesian hierarchical models", "graph neural networks",
                 "optimal transport", "variational autoencoders", "phylogenetic profiling"],
        settings=["single-cell atlases", "deep mutational scanning data", "soil metagenomes",
                  "patient-derived organoids", "a curated set of enzyme families"],
        props=["accurate", "interpretable", "scalable", "calibrated"],
        challenges=["experimental labels cover only a tiny fraction of sequence space",
                    "batch effects obscure biological signal",
                    "datasets now contain millions of cells",
                    "models rarely explain which residues drive a prediction"],
        apps=["drug discovery", "clinical genomics", "synthetic biology"],
        units=["sequences", "cells", "residues"],
        components=["the evolutionary prior", "the batch-correction term",
                    "the contact-map supervision"]),
    "climate": dict(
        kind="build", group="natsci",
        objects=["regional precipitation downscaling", "sea-ice forecasting",
                 "urban heat island mapping", "wildfire risk estimation",
                 "aerosol-cloud interactions", "seasonal drought prediction"],
        methods=["convolutional emulators", "ensemble data assimilation",
                 "physics-informed neural networks", "quantile regression forests",
                 "satellite data fusion", "stochastic parameterization"],
        settings=["reanalysis data from 1979 to 2020", "CMIP6 model output",
                  "dense urban sensor networks", "Arctic buoy records",
                  "a Mediterranean catchment"],
        props=["accurate", "calibrated", "interpretable", "scalable", "reliable"],
        challenges=["global models are too coarse to resolve local extremes",
                    "observational records are short and patchy",
                    "projections must quantify uncertainty honestly",
                    "running full simulations is computationally expensive"],
        apps=["flood planning", "agricultural adaptation", "public health warnings"],
        units=["grid cells", "seasons", "ensemble members"],
        components=["the conservation constraint", "the bias-correction stage",
                    "the multi-resolution encoder"]),
    "db": dict(
        kind="build", group="sys",
        objects=["cardinality estimation", "join ordering", "query optimization", "index tuning",
                 "transaction scheduling", "data cleaning"],
        methods=["learned cost models", "sampling-based sketches", "reinforcement learning",
                 "workload-aware partitioning", "adaptive query execution",
                 "probabilistic programming"],
        settings=["TPC-H and TPC-DS workloads", "production query traces",
                  "a cloud data warehouse", "skewed real-world tables", "multi-tenant deployments"],
        props=["efficient", "robust", "scalable", "accurate"],
        challenges=["estimation errors compound across joins",
                    "workloads drift faster than models can be retrained",
                    "optimizers must return plans within milliseconds",
                    "dirty records silently corrupt analytic results"],
        apps=["analytic databases", "cloud data platforms", "business intelligence"],
        units=["queries", "tables", "query plans"],
        components=["the fallback to classical estimates", "the plan-space pruning rule",
                    "the workload drift detector"]),
    "pl": dict(
        kind="build", group="sys",
        objects=["gradual typing", "incremental compilation", "static race detection",
                 "program synthesis", "memory-safe systems programming",
                 "automatic differentiation"],
        methods=["refinement types", "abstract interpretation", "e-graph rewriting",
                 "symbolic execution", "ownership types", "equality saturation"],
        settings=["large open-source codebases", "a suite of embedded C programs",
                  "student programming assignments", "a production JavaScript monorepo",
                  "numerical Python libraries"],
        props=["scalable", "efficient", "sound", "expressive", "usable"],
        challenges=["type annotations are missing from most legacy code",
                    "analyses that scale tend to report many false alarms",
                    "developers abandon tools that slow down the edit-compile loop",
                    "unsafe code blocks undermine guarantees elsewhere"],
        apps=["compiler toolchains", "developer tooling", "safety-critical software"],
        units=["functions", "modules", "program paths"],
        components=["the demand-driven solver", "the rewrite rule scheduler",
                    "the lightweight annotation syntax"]),
    "networks": dict(
        kind="build", group="sys",
        objects=["millimeter-wave beam management", "Wi-Fi rate adaptation", "congestion control",
                 "LoRa network planning", "edge task offloading", "satellite handover"],
        methods=["online learning", "digital twins", "game-theoretic scheduling",
                 "deep reinforcement learning", "compressive sensing", "software-defined control"],
        settings=["a campus-scale testbed", "dense urban deployments",
                  "low-earth-orbit constellations", "factory floors", "rural cellular networks"],
        props=["low-latency", "energy-efficient", "reliable", "scalable", "fair"],
        challenges=["links degrade abruptly when users move",
                    "devices run on coin-cell batteries for years",
                    "traffic patterns change within seconds",
                    "interference from neighbouring networks is hard to predict"],
        apps=["industrial IoT", "video streaming", "connected vehicles"],
        units=["links", "packets", "base stations"],
        components=["the lightweight channel predictor", "the backoff policy",
                    "the handover trigger"]),
    "hci": dict(
        kind="study", group="social",
        objects=["screen reader navigation", "voice interfaces for older adults",
                 "haptic feedback in VR", "collaborative writing tools",
                 "notification management", "sign language interfaces"],
        methods=["participatory design", "diary studies", "controlled lab experiments",
                 "longitudinal field deployments", "mixed-methods evaluation",
                 "co-design workshops"],
        settings=["blind and low-vision participants", "a retirement community",
                  "remote software teams", "first-year university students", "hospital nurses"],
        props=["accessible", "inclusive", "usable", "efficient"],
        challenges=["mainstream designs overlook people with disabilities",
                    "interruptions fragment attention throughout the day",
                    "lab findings often fail to transfer to everyday use",
                    "users rarely adjust default settings"],
        apps=["assistive technology", "workplace software", "consumer devices"],
        units=["participants", "sessions", "interaction logs"],
        components=["the adaptive verbosity setting", "the shared awareness cues",
                    "the onboarding tutorial"]),
    "econ": dict(
        kind="study", group="social",
        objects=["minimum wage effects", "remote work adoption", "gig economy earnings",
                 "occupational licensing", "housing affordability", "household savings behaviour"],
        methods=["difference-in-differences designs", "regression discontinuity",
                 "structural estimation", "field experiments", "synthetic control methods",
                 "matched employer-employee data"],
        settings=["administrative payroll records", "county-level panel data",
                  "a randomized trial in three cities", "online job postings",
                  "a national household survey"],
        props=["equitable", "robust", "sustainable"],
        challenges=["policy changes rarely occur in isolation",
                    "self-reported earnings are noisy",
                    "workers sort into jobs in ways that confound simple comparisons",
                    "local labour markets respond slowly"],
        apps=["labour policy", "urban planning", "social insurance design"],
        units=["workers", "firms", "counties"],
        components=["the event-study specification", "the reweighting of control units",
                    "the heterogeneity analysis"]),
    "materials": dict(
        kind="build", group="natsci",
        objects=["solid-state electrolytes", "lithium-metal anodes", "sodium-ion cathodes",
                 "perovskite solar cells", "thermoelectric alloys", "recyclable polymer binders"],
        methods=["high-throughput screening", "density functional theory",
                 "machine-learned interatomic potentials", "in situ X-ray diffraction",
                 "Bayesian optimization", "atomic layer deposition"],
        settings=["coin-cell prototypes", "a library of 400 candidate compositions",
                  "accelerated ageing tests", "pouch cells cycled at low temperature"],
        props=["stable", "durable", "scalable", "sustainable"],
        challenges=["dendrite growth shortens cell lifetime",
                    "promising compositions degrade quickly in humid air",
                    "synthesis routes rarely scale beyond the lab",
                    "first-principles calculations are too slow for broad searches"],
        apps=["electric vehicles", "grid storage", "wearable electronics"],
        units=["compositions", "charge cycles", "samples"],
        components=["the interfacial coating", "the active-learning loop",
                    "the dopant selection"]),
    "neuro": dict(
        kind="build", group="natsci",
        objects=["EEG-based emotion recognition", "sleep stage scoring", "motor imagery decoding",
                 "seizure forecasting", "fMRI connectivity analysis", "spike sorting"],
        methods=["cross-subject transfer learning", "Riemannian geometry",
                 "recurrent neural networks", "source localization", "hidden Markov models",
                 "sparse dictionary learning"],
        settings=["wearable headband recordings", "an open sleep database",
                  "long-term intracranial recordings", "a cohort of 60 healthy adults",
                  "resting-state scans"],
        props=["accurate", "interpretable", "robust", "reliable"],
        challenges=["signals vary widely between sessions and subjects",
                    "labels depend on subjective expert judgement",
                    "recordings are contaminated by movement artefacts",
                    "calibration sessions are tiring for users"],
        apps=["brain-computer interfaces", "clinical neurology", "sleep medicine"],
        units=["subjects", "epochs", "channels"],
        components=["the subject-alignment step", "the artefact rejection stage",
                    "the temporal smoothing prior"]),
    "security": dict(
        kind="build", group="sys",
        objects=["malware detection", "binary similarity analysis", "phishing detection",
                 "side-channel leakage", "firmware vulnerability discovery",
                 "intrusion detection"],
        methods=["coverage-guided fuzzing", "adversarial training", "taint tracking",
                 "contrastive code embeddings", "control-flow integrity", "anomaly detection"],
        settings=["Android application markets", "IoT firmware images",
                  "enterprise network traces", "a corpus of stripped binaries",
                  "browser extension stores"],
        props=["robust", "scalable", "efficient", "accurate"],
        challenges=["attackers adapt quickly to published defenses",
                    "ground-truth labels for malicious behaviour are scarce",
                    "analyses must scale to millions of samples",
                    "obfuscation hides the semantics of code"],
        apps=["endpoint protection", "software supply chains", "critical infrastructure"],
        units=["binaries", "network flows", "functions"],
        components=["the seed scheduling policy", "the obfuscation-invariant features",
                    "the alert triage model"]),
    "nlp": dict(
        kind="build", group="ml",
        objects=["low-resource machine translation", "document-level translation",
                 "terminology-constrained translation", "speech translation",
                 "translation quality estimation", "literary translation"],
        methods=["back-translation", "multilingual pretraining", "retrieval-augmented decoding",
                 "curriculum learning", "minimum Bayes risk decoding",
                 "lexically constrained beam search"],
        settings=["news commentary in twelve languages", "parliamentary proceedings",
                  "biomedical abstracts", "subtitles from streaming platforms",
                  "Indigenous language corpora"],
        props=["accurate", "robust", "efficient", "reliable"],
        challenges=["parallel data is scarce for most language pairs",
                    "sentence-level systems ignore discourse context",
                    "automatic metrics disagree with human judgements",
                    "domain terms are often mistranslated"],
        apps=["cross-lingual communication", "localization", "humanitarian response"],
        units=["sentences", "documents", "language pairs"],
        components=["the synthetic data filter", "the context encoder",
                    "the terminology memory"]),
    "ecology": dict(
        kind="study", group="natsci",
        objects=["wild bee foraging", "pollinator decline", "urban bird song",
                 "grassland bird nesting", "invasive plant spread", "amphibian disease dynamics"],
        methods=["occupancy models", "acoustic monitoring", "eDNA metabarcoding",
                 "camera trap surveys", "species distribution models",
                 "long-term transect counts"],
        settings=["alpine meadows", "city parks across Europe", "protected areas in three countries",
                  "agricultural field margins", "a 20-year monitoring program"],
        props=["sustainable", "accurate", "scalable"],
        challenges=["detection probability varies with weather and observer",
                    "many species are rare and hard to survey",
                    "habitat loss and climate warming act together",
                    "monitoring budgets are shrinking"],
        apps=["conservation planning", "biodiversity monitoring", "land management"],
        units=["sites", "species", "survey visits"],
        components=["the detection submodel", "the habitat covariates",
                    "the spatial random effect"]),
    "distsys": dict(
        kind="build", group="sys",
        objects=["Byzantine consensus", "geo-replicated storage", "serverless scheduling",
                 "stream processing", "distributed tracing", "disaggregated memory"],
        methods=["deterministic execution", "speculative replication", "formal verification",
                 "learned autoscaling", "CRDTs", "RDMA-based messaging"],
        settings=["a 100-node cluster", "wide-area deployments across five regions",
                  "production microservice traces", "a public cloud testbed"],
        props=["scalable", "low-latency", "reliable", "efficient"],
        challenges=["tail latency dominates user-visible performance",
                    "network partitions are rare but costly",
                    "cold starts waste resources",
                    "bugs in replication protocols surface only under load"],
        apps=["cloud services", "financial systems", "collaborative editing"],
        units=["replicas", "requests", "nodes"],
        components=["the leader rotation scheme", "the batching heuristic",
                    "the lease-based read path"]),
    "edu": dict(
        kind="study", group="social",
        objects=["peer assessment", "early-warning systems for dropout",
                 "feedback on programming assignments", "mathematics anxiety",
                 "collaborative problem solving", "online course engagement"],
        methods=["learning analytics", "randomized classroom trials", "think-aloud protocols",
                 "multilevel modelling", "automated hint generation", "qualitative interviews"],
        settings=["introductory programming courses", "secondary schools in four districts",
                  "a large open online course", "community college classrooms",
                  "teacher education programs"],
        props=["equitable", "inclusive", "scalable", "reliable"],
        challenges=["instructors cannot give timely feedback to hundreds of students",
                    "struggling students are identified too late",
                    "engagement metrics are easy to collect but hard to interpret",
                    "interventions that work in one school often fail in another"],
        apps=["university teaching", "K-12 education", "online learning platforms"],
        units=["students", "courses", "assignments"],
        components=["the timing of feedback", "the peer-matching rule",
                    "the teacher dashboard"]),
}

NAME_THEMES = {
    "birds": ["Heron", "Kestrel", "Wren", "Plover", "Osprey", "Starling", "Magpie", "Avocet",
              "Curlew", "Siskin", "Bittern", "Nuthatch"],
    "rivers": ["Rhône", "Danube", "Mekong", "Orinoco", "Vltava", "Tagus", "Loire", "Yukon",
               "Tiber", "Drava"],
    "stars": ["Lyra", "Vela", "Carina", "Draco", "Cygnus", "Pavo", "Lacerta", "Fornax", "Corvus"],
    "spices": ["Saffron", "Cardamom", "Sumac", "Fenugreek", "Anise", "Nutmeg", "Galangal",
               "Caraway"],
    "myth": ["Ariadne", "Janus", "Hermes", "Mnemosyne", "Daedalus", "Thetis", "Argus", "Nereus"],
}


def acronym(phrase):
    words = [w for w in re.split(r"[\s-]+", phrase) if w and w.lower() not in SMALL_WORDS]
    letters = "".join(w[0].upper() for w in words)
    if len(letters) > 5:
        letters = letters[:3] + letters[-2:]
    return letters


def is_plural(phrase):
    head = re.split(r" (?:for|on|in|of|with) ", phrase)[0]
    last = head.split()[-1]
    return last.endswith("s") and not last.endswith(("ss", "sis", "us"))


def agree(subject, singular, plural):
    return plural if is_plural(subject) else singular


def make_paper(rng, field_key, style, theme="birds"):
    """Returns (title, abstract) for an invented paper in the field, titled in the given style."""
    f = FIELDS[field_key]
    r = rng
    T = title_case
    obj = r.choice(f["objects"])
    m1, m2 = r.sample(f["methods"], 2)
    s1, s2 = r.sample(f["settings"], 2)
    a1, a2 = r.sample(f["props"], 2)
    n1, n2 = PROPS[a1], PROPS[a2]
    app, unit, comp = r.choice(f["apps"]), r.choice(f["units"]), r.choice(f["components"])
    chal = r.choice(f["challenges"])
    study = f["kind"] == "study"
    if study and style in ("name", "acronym", "towards"):
        style = r.choice(["evidence", "question", "sentence", "on_the"])
    if not study and style == "evidence":
        style = "on_the"
    name = None

    # ---- title (assembled in lower case, then cased as a whole)
    do_m, does_o = agree(m1, "Does", "Do"), agree(obj, "Does", "Do")
    if style == "name":
        name = r.choice(NAME_THEMES[theme])
        title = r.choice([f"{name}: {m1} for {a1} {obj}", f"{name}: {a1} {obj} with {m1}",
                          f"{name}: combining {m1} and {m2} for {obj}"])
    elif style == "acronym":
        desc = r.choice([f"{m1} for {a1} {obj}", f"{a1} {obj} via {m1}",
                         f"{m1} and {m2} for {obj}"])
        name = acronym(desc)
        title = f"{name}: {desc}"
    elif style == "question":
        if study:
            title = r.choice([f"what shapes {obj}?", f"{does_o} {obj} vary across {unit}?",
                              f"what shapes {obj}? Evidence from {s1}",
                              f"{do_m} {m1} change what we know about {obj}?"])
        else:
            title = r.choice([f"{do_m} {m1} improve {obj}?",
                              f"can {m1} improve the {n1} of {obj}?",
                              f"how much {do_m.lower()} {m1} help {obj}?",
                              f"{agree(m1, 'is', 'are')} {m1} all you need for {obj}?"])
    elif style == "towards":
        title = r.choice([f"towards {a1} {obj} with {m1}", f"towards {a1} and {a2} {obj}",
                          f"towards {a1} {obj} in {app}"])
    elif style == "on_the":
        if study:
            title = r.choice([f"on the determinants of {obj}",
                              f"on the measurement of {obj} with {m1}",
                              f"on {obj}: lessons from {s1}"])
        else:
            title = r.choice([f"on the {n1} of {obj} in {app}",
                              f"on the limits of {m1} for {obj}",
                              f"on {m1} and the {n1} of {obj}"])
    elif style == "evidence":
        title = r.choice([f"{obj}: evidence from {s1}", f"{m1} and {obj}: evidence from {s1}",
                          f"{obj} revisited: new evidence from {s1}"])
    if style != "sentence":
        title = T(title)
    else:
        if study:
            title = r.choice([f"Measuring {obj} with {m1}", f"New evidence on {obj} from {s1}",
                              f"What drives {obj}? Lessons from {s1}"])
        else:
            title = r.choice([f"{cap(m1)} for {a1} {obj}",
                              f"Improving {n1} in {obj} with {m1}",
                              f"What {m1} can and cannot do for {obj}",
                              f"{cap(a1)} {obj} in {app}"])

    # ---- abstract
    it = name or r.choice(["the method", "our approach", "the proposed approach"])
    pct = r.choice([str(r.randint(3, 38)), f"{r.randint(2, 25)}.{r.randint(1, 9)}"])
    motivation = r.choice([
        f"{cap(obj)} {agree(obj, 'plays', 'play')} a growing role in {app}, yet {chal}.",
        f"Progress in {obj} has been rapid, but {chal}.",
        f"In {app}, practitioners increasingly depend on {obj}; however, {chal}.",
        f"Despite sustained interest in {obj}, {chal}.",
        f"A persistent obstacle for {obj} is that {chal}.",
        f"{cap(obj)} {agree(obj, 'matters', 'matter')} for {app} — and yet {chal}.",
    ])
    if study:
        gap = r.choice([
            f"Most prior studies rely on {s2}, so it remains unclear how far their conclusions travel.",
            f"Existing evidence is largely cross-sectional and cannot separate {n1} from selection.",
            vary(r, "Earlier work has also relied on <small samples|single sites|convenience samples> and short observation windows."),
            ""])
        proposal = r.choice([
            f"We study {obj} using {m1} applied to {s1}.",
            f"This paper examines {obj} through {m1}, drawing on {s1}.",
            f"Using {m1}, we analyse {obj} across {s1}.",
        ])
        detail = r.choice([
            f"We account for differences across {unit} with {m2}.",
            f"Our design separates short-term responses of {unit} from longer-run adjustments.",
            f"We complement the main analysis with {m2}.",
            ""])
        evaluation = r.choice([
            f"Estimates indicate changes of about {pct}% relative to comparison {unit}.",
            vary(r, "Effects are largest in the first <year|two years|months> and <fade|weaken|largely disappear> thereafter."),
            f"We find substantial heterogeneity: roughly a third of {unit} account for most of the change.",
            vary(r, "Results are <robust|stable|qualitatively unchanged> under alternative specifications<| and sample restrictions| and placebo tests>."),
        ])
        closing = r.choice([
            f"We discuss implications for {app}.",
            f"The findings caution against one-size-fits-all approaches to {app}.",
            f"Taken together, the results suggest that {n1} and {n2} can be pursued jointly.",
            ""])
    else:
        gap = r.choice([
            f"Existing approaches tend to optimize {n1} and {n2} separately, which leads to brittle trade-offs.",
            f"Most prior evaluations rely on {s2}, so it remains unclear how well the findings transfer.",
            f"Current methods also treat {unit} independently, discarding structure that could be shared.",
            f"Naïve baselines remain surprisingly hard to beat on {s2}.",
            "", ""])
        if name and style == "name":
            proposal = r.choice([
                f"We introduce {name}, an approach to {obj} based on {m1}.",
                f"We present {name}, which combines {m1} with {m2} to improve the {n1} of {obj}.",
            ])
        elif name:
            proposal = r.choice([
                f"We propose {m1} for {obj} ({name}), a simple recipe that pairs {m1} with {m2}.",
                f"We introduce {name}, which brings {m1} to {obj}.",
            ])
        elif style == "question":
            proposal = f"We ask whether {m1} {agree(m1, 'improves', 'improve')} the {n1} of {obj}, and under which conditions."
        elif style == "on_the":
            proposal = f"We examine the {n1} of {obj} when {m1} is used, both theoretically and empirically."
        else:
            proposal = r.choice([
                f"We propose an approach to {obj} based on {m1}.",
                f"This paper applies {m1} to {obj} and pairs it with {m2}.",
                f"We present a framework that couples {m1} with {m2} to improve the {n1} of {obj}.",
            ])
        detail = r.choice([
            f"The key idea is to share information across {unit} rather than modelling each one in isolation.",
            vary(r, "The design adds <few|almost no|a handful of> <parameters|trainable parameters> and needs no <extra|additional> <annotation|labelled data><| from experts>."),
            f"Unlike earlier work, the approach exploits structure already present in {s1}.",
            f"A lightweight calibration step lets the method adapt to new {unit} at little cost.",
            ""])
        evaluation = r.choice([
            f"Experiments on {s1} show that {it} improves {n1} by {pct}% over strong baselines.",
            f"On {s1}, {it} reduces error by {pct}% while keeping {n2} comparable.",
            f"Across benchmarks drawn from {s1} and {s2}, {it} matches or exceeds the best prior results.",
            f"In a study on {s1}, {it} improves {n1} without sacrificing {n2}.",
        ])
        closing = r.choice([
            f"Ablations indicate that most of the benefit comes from {comp}.",
            f"We release code and data to support further work on {obj}.",
            f"These results suggest that {n1} need not come at the expense of {n2}.",
            f"We discuss implications for {app}.",
            ""])
    abstract = tidy(" ".join([motivation, gap, proposal, detail, evaluation, closing]))
    assert '"' not in title
    return title, abstract


PAPER_STYLES = ["name", "acronym", "question", "towards", "on_the", "sentence", "evidence"]


def _mutate_paper(rng, item):
    """A preprint and its published version: same paper, slightly different record."""
    choice = rng.randrange(3)
    if choice == 0:
        sentences = re.split(r"(?<=\.) ", item["abstract"])
        if len(sentences) > 3:
            item["abstract"] = " ".join(sentences[:-1])
    elif choice == 1:
        item["title"] = item["title"] + " (Extended Version)"
    else:
        item["abstract"] = item["abstract"].replace(" — ", ", ").replace("; however,", ", but")
        if "abstract" in item and not item["abstract"].endswith("arXiv preprint."):
            item["abstract"] += " An earlier version appeared as an arXiv preprint."
    return item


def _paper_date(rng):
    return str(rng.randint(2012, 2023)) if rng.random() < 0.7 else \
        f"{rng.randint(2015, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def gen_lamp1(rng):
    # (primary field, secondary field or None, preferred title styles).  The last three users
    # work across two fields; their correct reference comes from the less frequent one.
    users = [
        ("ir", None, ["name", "acronym"]), ("medimg", None, ["acronym", "towards"]),
        ("speech", None, ["towards", "sentence"]), ("robotics", None, ["name", "on_the"]),
        ("compbio", None, ["sentence", "question"]), ("climate", None, ["on_the", "towards"]),
        ("db", None, ["acronym"]), ("pl", None, ["name", "sentence"]),
        ("networks", None, ["question", "acronym"]), ("hci", None, ["question", "evidence"]),
        ("econ", None, ["evidence"]), ("materials", None, ["sentence", "towards"]),
        ("neuro", None, ["towards", "acronym"]), ("security", None, ["name", "question"]),
        ("nlp", None, ["acronym", "on_the"]), ("ecology", None, ["evidence", "question"]),
        ("distsys", None, ["name", "acronym"]), ("edu", "hci", ["question", "evidence"]),
        ("nlp", "speech", ["sentence", "acronym"]), ("medimg", "compbio", ["towards", "question"]),
    ]
    ids = Ids(1)
    sizes = profile_sizes(rng)
    questions, golds = [], []
    gold_slots = ["[1]"] * 10 + ["[2]"] * 10
    rng.shuffle(gold_slots)
    themes = list(NAME_THEMES)
    for u, (prim, sec, styles) in enumerate(users):
        theme = themes[u % len(themes)]
        n_dups = rng.choice([0, 0, 1, 2]) if sizes[u] >= 14 else 0
        items, seen = [], set()
        dated = rng.random() < 0.3

        def own_paper():
            field = prim if sec is None or rng.random() < 0.78 else sec
            style = rng.choice(styles) if rng.random() < 0.85 else rng.choice(PAPER_STYLES)
            return make_paper(rng, field, style, theme)

        for _ in range(sizes[u] - n_dups):
            title, abstract = fresh(own_paper, seen, first, second)
            item = {"title": title, "abstract": abstract, "id": ids.item()}
            if dated and rng.random() < 0.4:
                item["date"] = _paper_date(rng)
            items.append(item)
        add_near_duplicates(rng, items, n_dups, _mutate_paper, ids)
        items = [order_item(i, ["title", "abstract", "date", "id"]) for i in items]

        title, _ = fresh(lambda: make_paper(rng, prim, rng.choice(styles), theme), seen, first)
        related_field = sec if sec else prim
        related, _ = make_paper(rng, related_field, rng.choice(PAPER_STYLES), rng.choice(themes))
        own_groups = {FIELDS[prim]["group"], FIELDS[related_field]["group"]}
        far = [k for k in FIELDS if FIELDS[k]["group"] not in own_groups]
        unrelated, _ = make_paper(rng, rng.choice(far), rng.choice(PAPER_STYLES),
                                  rng.choice(themes))
        gold = gold_slots[u]
        ref1, ref2 = (related, unrelated) if gold == "[1]" else (unrelated, related)
        qid = ids.question(u)
        questions.append({"id": qid,
                          "input": TEMPLATES[1].format(title=title, ref1=ref1, ref2=ref2),
                          "profile": items})
        golds.append({"id": qid, "output": gold})
    return questions, golds


def gen_lamp5(rng):
    # (field, title style, name theme for "name" style, share of items in the house style)
    users = [
        ("ir", "name", "birds", 0.9), ("medimg", "acronym", None, 0.9),
        ("speech", "towards", None, 0.85), ("robotics", "name", "myth", 0.9),
        ("compbio", "sentence", None, 0.85), ("climate", "on_the", None, 0.8),
        ("db", "acronym", None, 0.95), ("pl", "name", "spices", 0.9),
        ("networks", "question", None, 0.8), ("hci", "question", None, 0.85),
        ("econ", "evidence", None, 0.9), ("materials", "sentence", None, 0.8),
        ("neuro", "towards", None, 0.75), ("security", "name", "stars", 0.9),
        ("nlp", "on_the", None, 0.8), ("ecology", "evidence", None, 0.85),
        ("distsys", "name", "rivers", 0.9), ("edu", "question", None, 0.8),
        ("ir", "sentence", None, 0.85),   # same field as user 0, different habits
        ("nlp", None, None, 0.0),          # no house style at all: the hard case
    ]
    ids = Ids(5)
    sizes = profile_sizes(rng)
    questions, golds = [], []
    for u, (field, style, theme, loyalty) in enumerate(users):
        n_dups = rng.choice([0, 1, 1, 2]) if sizes[u] >= 14 else 0

        def pick_style():
            if style and rng.random() < loyalty:
                return style
            return rng.choice(PAPER_STYLES)

        items, seen = [], set()
        for _ in range(sizes[u] - n_dups):
            title, abstract = fresh(lambda: make_paper(rng, field, pick_style(), theme or "birds"),
                                    seen, first, second)
            items.append({"title": title, "abstract": abstract, "id": ids.item()})
        add_near_duplicates(rng, items, n_dups, _mutate_paper, ids)
        gold_style = style if style else rng.choice(PAPER_STYLES)
        title, abstract = fresh(lambda: make_paper(rng, field, gold_style, theme or "birds"),
                                seen, first, second)
        qid = ids.question(u)
        questions.append({"id": qid, "input": TEMPLATES[5].format(abstract=abstract),
                          "profile": items})
        golds.append({"id": qid, "output": title})
    return questions, golds


# ----------------------------------------------------------------------------------------------
# LaMP-2: movie tagging

MOVIE_SLOTS = {
    "name": ["Mara", "Jonah", "Inés", "Theo", "Priya", "Dmitri", "Zoë", "Kwame", "Lucía", "Henrik",
             "Aiko", "Rafael", "Noor", "Björn", "Élodie", "Tomasz", "Amara", "Callum", "Sunniva",
             "Matteo", "Yusuf", "Greta", "Oskar", "Leilani", "Ravi", "Hana", "Desmond"],
    "town": ["Port Aldous", "Greywell", "Little Harrow", "Saint-Amé", "Kettering Flats", "Vossberg",
             "Marlow Bay", "Dunmore", "Castel Rosso", "Ashgrove"],
    "job": ["night-shift nurse", "piano tuner", "wedding photographer", "substitute teacher",
            "ferry mechanic", "tax auditor", "pastry chef", "locksmith", "radio host",
            "park ranger", "court stenographer", "cab driver"],
    "relative": ["an overbearing aunt", "a retired grandfather", "a teenage stepson",
                 "a chronically optimistic uncle", "an estranged older sister"],
    "scijob": ["xenobiologist", "navigation officer", "systems engineer", "hydroponics botanist",
               "communications specialist"],
    "ship": ["Meridian", "Halcyon", "Kepler's Wake", "Tamsin Grey", "Aurora Nine"],
    "gadget": ["weather satellite", "hearing aid", "security camera", "radio telescope"],
    "n": ["forty", "sixty", "ninety", "two hundred"],
    "small_n": ["six", "seven", "nine"],
    "dys_rule": ["citizens are assigned careers by lottery at sixteen",
                 "every conversation is scored by a municipal algorithm",
                 "water is rationed by loyalty points",
                 "the city walls have not opened in forty years",
                 "sleep is scheduled by the state",
                 "children are raised in dormitories run by a single corporation"],
    "rebel": ["starts passing handwritten notes to strangers", "forges a permit to leave the sector",
              "joins a network that smuggles old books",
              "discovers that the outer zones are not as empty as claimed",
              "refuses the implant everyone else has accepted"],
    "ministry": ["Continuity", "Harmony", "Public Memory", "Allocation"],
    "banned": ["music", "private gardens", "travel after dark", "the old language"],
    "elite": ["special forces medic", "getaway driver", "bodyguard", "smokejumper",
              "border patrol pilot"],
    "mission": ["rescue a kidnapped diplomat from a cargo ship", "stop a hijacked freight train",
                "recover a stolen prototype from a mountain fortress",
                "escort a key witness across a city on lockdown",
                "clear a hostage-filled skyscraper floor by floor"],
    "deadline": ["dawn", "the storm hits", "the bridge is blown", "the ransom deadline expires",
                 "the border closes"],
    "therapist": ["therapist", "child psychologist", "hypnotherapist", "sleep researcher"],
    "fantasy_job": ["apprentice cartographer", "stable hand", "young bookbinder",
                    "lighthouse keeper's daughter", "tavern cook"],
    "artifact": ["a brass compass", "a cracked mirror", "an unfinished tapestry",
                 "a key made of bone"],
    "decade": ["1930s", "1940s", "1950s", "1960s"],
    "classic_topic": ["a small-town lawyer defending an unpopular client",
                      "a ship's captain torn between duty and conscience",
                      "a singer trying to make it on Broadway", "two brothers divided by the war"],
    "theme": ["memory and forgetting", "what we owe strangers", "the meaning of work",
              "grief and time", "the ethics of artificial minds"],
    "span": ["year", "night", "week in winter", "day"],
    "city_area": ["a rapidly gentrifying neighborhood", "a company town",
                  "a migrant workers' dormitory", "a suburb split by a new highway"],
    "issue": ["housing insecurity", "class divides", "workplace exploitation", "racial profiling",
              "the gig economy"],
    "book_desc": ["a bestselling novel", "a prize-winning memoir", "a beloved children's book",
                  "a sprawling family saga", "a cult detective novel"],
    "book_plot": ["a summer that changes the family forever",
                  "a decades-long search for a missing sister",
                  "an unlikely friendship with a reclusive neighbor",
                  "the rise and fall of a small-town newspaper"],
    "group": ["miners", "nurses", "high school students", "fishermen", "volunteer firefighters"],
    "feat": ["survived eighteen days trapped underground", "kept a hospital running through a blackout",
             "built a solar car from scrap", "rescued a stranded ferry crew",
             "exposed a chemical plant's cover-up"],
    "true_feat": ["became the oldest person to swim the channel",
                  "ran a secret school during an occupation",
                  "uncovered a decades-old bank fraud",
                  "walked across a continent to find a missing son"],
}

MOVIE_PREMISES = {
    "sci-fi": [
        "{name}, a {scijob} aboard the survey ship {ship}, intercepts a distress call from a vessel that vanished {n} years ago.",
        "When a prototype {gadget} starts showing events a few minutes before they happen, {name} and a skeptical {job} try to find out where the images come from.",
        "A crew of {small_n} aboard the {ship} wakes from cryosleep to find the colony ship off course and one sleeping pod empty.",
        "On a terraformed moon, {name}, a {scijob}, discovers that the atmosphere processors have been quietly reprogrammed.",
        "{name} and a fellow engineer on an orbital station must decide whether to answer a message from an intelligence that claims it was once human.",
    ],
    "dystopia": [
        "In a future where {dys_rule}, {name} {rebel}.",
        "{name}, a clerk in the Ministry of {ministry}, notices that the official records have been changed overnight.",
        "After the collapse, the survivors of {town} live under a council that bans {banned}.",
        "In a city where {dys_rule}, a {job} named {name} {rebel}.",
    ],
    "comedy": [
        "{name}, a {job}, accidentally RSVPs yes to {small_n} weddings on the same weekend and tries to attend them all.",
        "{name} and a rival food-truck owner in {town} are forced to share a parking spot for a whole summer.",
        "A family road trip goes further off the rails when {relative} insists on navigating with a paper map.",
        "{name} lies on a résumé about speaking fluent Finnish and is promptly sent to Helsinki.",
        "An amateur theater troupe in {town} stages an ambitious musical with a budget of forty dollars.",
        "When {name} inherits a llama farm, the only way to keep it is to win the county fair.",
    ],
    "action": [
        "A former {elite} must {mission} before {deadline}.",
        "When mercenaries seize a dam above {town}, {name}, an off-duty {job}, is the only one inside who can fight back.",
        "{name} and a rookie partner chase a gang of armored-car thieves across three countries.",
        "A retired {elite} is pulled back for one last job: {mission}.",
    ],
    "twist ending": [
        "{name} returns to {town} for a funeral and starts to suspect that the wrong person is buried.",
        "{small_n} strangers receive identical invitations to a remote lodge outside {town}, each from someone they believed was dead.",
        "A con artist plans one last job in {town}, but every step seems to have been anticipated.",
        "{name} wakes in the hospital in {town} with no memory and a detective who insists she is the only witness.",
    ],
    "psychology": [
        "A {therapist} begins to suspect that a new patient knows more about the {therapist}'s past than anyone should.",
        "After a breakdown, {name} moves in with {relative} and slowly confronts buried memories.",
        "A study on isolation run by a {therapist} goes wrong when the {small_n} volunteers begin to mirror each other's obsessions.",
        "{name}, a perfectionist {job}, becomes convinced that a coworker is copying every detail of their life.",
    ],
    "fantasy": [
        "{name}, {a_fantasy_job}, discovers that {artifact} left in the attic can open doors to other worlds.",
        "A kingdom cursed with endless winter sends {name}, {a_fantasy_job}, and an unlikely band of heroes to wake a sleeping dragon.",
        "When the river spirits of {town} fall silent, a reluctant witch must bargain with the king of the crows.",
        "An exiled prince and a thief named {name} travel through enchanted forests to reclaim a stolen crown.",
    ],
    "romance": [
        "{name}, a {job}, and a stranger keep being booked on the same delayed train every Friday.",
        "Two strangers agree to pretend to be engaged to survive a wedding in {town}, and the pretense gets complicated.",
        "A widowed bookshop owner in {town} and a visiting architect fall for each other over one rainy autumn.",
        "Childhood friends reunite after ten years when {name} returns to {town} to sell the family house.",
        "{name} writes anonymous letters to a late-night radio host and slowly falls for the voice that answers.",
    ],
    "dark comedy": [
        "When {name} accidentally kills the neighbor's prize-winning goose, the cover-up spirals into something much worse.",
        "Three estranged siblings in {town} try to hide their father's death from the lawyers until his will is read.",
        "A funeral director in {town} starts a side business that the local police would not approve of.",
        "A pair of incompetent hitmen keeps failing to finish a job because the target, a {job}, is too nice.",
    ],
    "classic": [
        "A {decade} black-and-white drama about {classic_topic}.",
        "This much-restored {decade} picture follows a traveling salesman who changes a town's fortunes.",
        "A landmark {decade} western in which a lone marshal must hold the town of {town} together through one long day.",
        "A {decade} studio musical about a troupe of dancers stranded in a seaside hotel in {town}.",
    ],
    "thought-provoking": [
        "A quiet meditation on {theme}, following {name} through a single {span}.",
        "{name} is offered the chance to relive one day of their life and must choose which.",
        "An elderly philosopher and a teenage hacker named {name} debate whether a machine can deserve rights.",
        "The town of {town} votes on whether to erase a painful chapter from its collective memory.",
    ],
    "social commentary": [
        "Set in {city_area}, the film examines {issue} through the eyes of {name}, a {job}.",
        "A cleaning crew in a luxury tower slowly organizes after {name}, one of them, is fired without pay.",
        "When the factory closes in {town}, families who once worked side by side turn on each other.",
        "A satirical look at a reality show where {small_n} contestants compete for a rent-controlled apartment.",
    ],
    "violence": [
        "A brutal feud between two crime families erupts after a botched robbery in {town}.",
        "A quiet farmer outside {town} takes bloody revenge on the gang that burned his land.",
        "{name}, a debt collector, is dragged into a spiral of killings after witnessing a murder.",
        "A prison riot turns into a savage fight for survival for {name}, a {job} serving a short sentence.",
    ],
    "based on a book": [
        "Adapted from {book_desc}, the film follows {name}, a {job}, through {book_plot}.",
        "This faithful adaptation of a classic novel tracks three generations of a family in {town}.",
        "Based on the novel of the same name, it tells the story of {name}, a boy who runs away from {town} to join a traveling circus.",
        "Drawn from {book_desc}, it follows {book_plot} in {town}.",
    ],
    "true story": [
        "Based on real events, the film recounts how a group of {group} {feat}.",
        "The true story of {name}, a {job} who {true_feat}.",
        "Inspired by actual events in {town}, it follows the {group} who {feat}.",
    ],
}

MOVIE_EXTRAS = {
    "sci-fi": ["The film lingers on long, quiet stretches in zero gravity.",
               "What starts as a rescue mission becomes an argument about who gets to speak for humanity.",
               "Practical effects and a pulsing synth score give it a handmade feel.",
               "The science is taken seriously, down to the orbital mechanics."],
    "dystopia": ["Grey concrete, surveillance drones and a cold palette set the tone.",
                 "It asks how much freedom people will trade for safety.",
                 "Every small act of defiance carries a heavy price.",
                 "The regime is never shown directly, only through its rules."],
    "comedy": ["Slapstick set pieces and quick banter keep the pace brisk.",
               "The jokes land because the characters are so earnestly ridiculous.",
               "It is a light, warm-hearted crowd-pleaser.",
               "An ensemble cast gets plenty of room to improvise."],
    "action": ["It is built around long, practical stunt sequences and car chases.",
               "The fight choreography is crisp and the explosions are real.",
               "It rarely pauses for breath between set pieces.",
               "A relentless score drives the chase across rooftops and through tunnels."],
    "twist ending": ["The final ten minutes force you to rethink everything you have seen.",
                     "Nothing is quite what it seems, and the last reveal changes the whole story.",
                     "Clues are hidden in plain sight for viewers who pay attention.",
                     "A late revelation turns the hero into someone else entirely."],
    "psychology": ["It is a study of grief, guilt and self-deception.",
                   "The camera stays inside the protagonist's head, blurring memory and reality.",
                   "Long therapy sessions form the backbone of the story.",
                   "Anxiety is rendered through sound design and claustrophobic framing."],
    "fantasy": ["Hand-painted sets and creature designs give the world real texture.",
                "Magic has rules and costs, and the film respects them.",
                "It is an old-fashioned quest with riddles, curses and a talking fox.",
                "Lush landscapes and a sweeping score make it feel like a storybook."],
    "romance": ["The chemistry between the leads carries the film.",
                "It is a tender love story about second chances.",
                "Stolen glances and missed connections drive the romance.",
                "Sunlit cafés and slow dances fill the frame."],
    "dark comedy": ["The humor is bleak, and the body count rises with every joke.",
                    "It finds laughs in grief, greed and terrible decisions.",
                    "Deadpan performances make the grim situations absurdly funny.",
                    "It is morbid, mean-spirited and often very funny."],
    "classic": ["It remains a staple of film school syllabi.",
                "Its famous final shot has been imitated for decades.",
                "The performances feel timeless despite the old-fashioned staging.",
                "Critics still rank it among the great films of its era."],
    "thought-provoking": ["It raises more questions than it answers and trusts the audience to think.",
                          "The ideas linger long after the credits.",
                          "Its questions about identity and choice are left deliberately open.",
                          "It is slow, but rewards patience with real ideas."],
    "social commentary": ["It is an angry, pointed critique of inequality.",
                          "The film holds a mirror up to modern class divisions.",
                          "It never lectures, but the message is hard to miss.",
                          "Everyday details reveal how systems grind people down."],
    "violence": ["The violence is graphic and unflinching.",
                 "It is gory and hard to watch at times.",
                 "Shootouts are staged with shocking, bloody realism.",
                 "Not for the faint of heart: the brutality never lets up."],
    "based on a book": ["Fans of the book will recognize whole passages of dialogue.",
                        "The screenplay trims subplots from the novel but keeps its heart.",
                        "Chapter titles from the book appear on screen.",
                        "It captures the voice of the novel remarkably well."],
    "true story": ["Archival footage over the credits shows the real people involved.",
                   "It sticks closely to the documented record.",
                   "The film is dedicated to those who lived it.",
                   "Interviews with survivors shaped many scenes."],
}

MOVIE_SIBLINGS = {
    "sci-fi": ["dystopia", "thought-provoking", "action"], "dystopia": ["sci-fi", "social commentary"],
    "comedy": ["romance", "dark comedy"], "action": ["violence", "sci-fi"],
    "twist ending": ["psychology", "thought-provoking"], "psychology": ["twist ending", "thought-provoking"],
    "fantasy": ["based on a book", "romance"], "romance": ["comedy", "classic"],
    "dark comedy": ["comedy", "violence"], "classic": ["romance", "based on a book"],
    "thought-provoking": ["sci-fi", "psychology"], "social commentary": ["true story", "dystopia"],
    "violence": ["action", "dark comedy"], "based on a book": ["classic", "fantasy"],
    "true story": ["social commentary", "based on a book"],
}


MOVIE_META = [
    "{A_nation} production shot on location in {place}.",
    "Directed by first-time filmmaker {name} {surname}.",
    "It runs a brisk {mins} minutes.",
    "Shot on 16mm over {weeks} weeks in {place}.",
    "{name} {surname} leads a largely unknown cast.",
    "The {nation} director's {nth} feature.",
]
MOVIE_META_SLOTS = {
    "nation": ["Danish", "Korean", "Brazilian", "French", "Nigerian", "Icelandic", "Mexican",
               "Japanese", "Polish"],
    "place": ["the Faroe Islands", "Lisbon", "Busan", "the Atacama desert", "Québec City", "Lagos",
              "Tromsø", "Valparaíso"],
    "surname": ["Okafor", "Lindqvist", "Moreau", "Castillo", "Nakamura", "Haddad", "Kowalski",
                "Ferreira", "Sørensen", "Varga"],
    "mins": ["84", "91", "97", "102", "118", "136"],
    "weeks": ["three", "five", "eleven"],
    "nth": ["second", "third", "fourth"],
}


def movie_description(rng, content, mix_sibling):
    premise = rng.choice(MOVIE_PREMISES[content])
    slots = {k: rng.choice(v) for k, v in MOVIE_SLOTS.items()}
    slots["a_fantasy_job"] = an(slots["fantasy_job"])
    text = premise.format(**slots)
    extra_tag = rng.choice(MOVIE_SIBLINGS[content]) if mix_sibling else content
    extras = [rng.choice(MOVIE_EXTRAS[extra_tag])]
    if rng.random() < 0.3:
        second = rng.choice(MOVIE_EXTRAS[content])
        if second not in extras:
            extras.append(second)
    if rng.random() < 0.35:
        meta_slots = {k: rng.choice(v) for k, v in MOVIE_META_SLOTS.items()}
        meta_slots["name"] = rng.choice(MOVIE_SLOTS["name"])
        meta_slots["A_nation"] = cap(an(meta_slots["nation"]))
        extras.insert(rng.randint(0, len(extras)), rng.choice(MOVIE_META).format(**meta_slots))
    return tidy(cap(text) + " " + " ".join(extras))


def gen_lamp2(rng):
    # Each user: [(what the movie is about, the tag this user gives it, weight), ...].  Several
    # users tag the same kind of movie differently; that is what the profile has to reveal.
    users = [
        [("sci-fi", "sci-fi", 6), ("dystopia", "dystopia", 2), ("action", "action", 1),
         ("thought-provoking", "thought-provoking", 1)],
        [("dystopia", "dystopia", 6), ("sci-fi", "dystopia", 2),
         ("social commentary", "social commentary", 2)],
        [("romance", "romance", 5), ("comedy", "comedy", 4), ("classic", "romance", 1)],
        [("action", "action", 6), ("violence", "action", 2), ("sci-fi", "action", 1),
         ("violence", "violence", 1)],
        [("twist ending", "twist ending", 6), ("psychology", "twist ending", 2),
         ("psychology", "psychology", 2)],
        [("based on a book", "based on a book", 6), ("fantasy", "based on a book", 2),
         ("classic", "based on a book", 2)],
        [("fantasy", "fantasy", 6), ("based on a book", "fantasy", 1), ("romance", "romance", 1),
         ("based on a book", "based on a book", 1)],
        [("dark comedy", "dark comedy", 6), ("comedy", "comedy", 2), ("violence", "dark comedy", 2)],
        [("true story", "true story", 6), ("social commentary", "true story", 2),
         ("based on a book", "true story", 1)],
        [("classic", "classic", 6), ("romance", "classic", 2),
         ("thought-provoking", "thought-provoking", 1)],
        [("psychology", "psychology", 5), ("twist ending", "psychology", 2),
         ("thought-provoking", "psychology", 2)],
        [("thought-provoking", "thought-provoking", 5), ("sci-fi", "thought-provoking", 3),
         ("dystopia", "thought-provoking", 1), ("social commentary", "thought-provoking", 1)],
        [("social commentary", "social commentary", 5), ("true story", "social commentary", 2),
         ("dystopia", "social commentary", 2), ("dark comedy", "social commentary", 1)],
        [("violence", "violence", 6), ("action", "violence", 2), ("dark comedy", "violence", 1)],
        [("comedy", "comedy", 7), ("romance", "comedy", 1), ("dark comedy", "comedy", 2)],
        [(t, t, 1) for t in LAMP2_TAGS],  # omnivore: no dominant tag, the hard case
        [("sci-fi", "sci-fi", 3), ("fantasy", "fantasy", 3), ("action", "action", 3),
         ("twist ending", "twist ending", 1)],
        [("comedy", "comedy", 3), ("fantasy", "fantasy", 3), ("based on a book", "based on a book", 2),
         ("classic", "classic", 1)],
        [("violence", "violence", 3), ("twist ending", "twist ending", 3),
         ("psychology", "psychology", 2), ("dark comedy", "dark comedy", 2)],
        [("romance", "romance", 4), ("classic", "classic", 2), ("based on a book", "romance", 2),
         ("true story", "true story", 2)],
    ]
    ids = Ids(2)
    sizes = profile_sizes(rng)
    questions, golds = [], []

    def mutate(r, item):  # the same film logged twice, with a slightly different blurb
        first = re.split(r"(?<=\.) ", item["description"])[0]
        item["description"] = first
        return item

    for u, prefs in enumerate(users):
        n_dups = rng.choice([0, 1, 2]) if sizes[u] >= 14 else 0
        items, seen = [], set()
        for _ in range(sizes[u] - n_dups):
            content, label = weighted(rng, [((c, l), w) for c, l, w in prefs])
            description = fresh(lambda: movie_description(rng, content, rng.random() < 0.25), seen,
                                lambda d: d.split(". ")[0])
            items.append({"tag": label, "description": description, "id": ids.item()})
        add_near_duplicates(rng, items, n_dups, mutate, ids)
        top = sorted(prefs, key=lambda p: -p[2])[:3]
        content, label = weighted(rng, [((c, l), w) for c, l, w in top])
        description = fresh(lambda: movie_description(rng, content, rng.random() < 0.5), seen,
                            lambda d: d.split(". ")[0])
        qid = ids.question(u)
        questions.append({"id": qid, "input": TEMPLATES[2].format(description=description),
                          "profile": items})
        golds.append({"id": qid, "output": label})
    return questions, golds


# ----------------------------------------------------------------------------------------------
# LaMP-3: product rating.  A review has a latent sentiment q (1..5); each user turns q into a
# score through their own habits, so the same words earn different stars from different users.

# Each product: (positive lines, negative lines, runs on a battery).  Negative lines carry a flag
# ("battery", "noise", "safety", "irritation") that some users weigh heavily, or None.
PRODUCTS = {
    "electronics": dict(
        items={
            "pair of wireless earbuds": (
                ["They stay put even on a run.",
                 "Sound is clear and balanced, with more bass than I expected.",
                 "Call quality is better than on my old pair."],
                [("The left earbud keeps losing its connection to the right one.", None),
                 ("The charging case lid feels loose.", None),
                 ("The battery drains noticeably faster than advertised.", "battery")], True),
            "power bank": (
                ["It charges my phone almost three times over.",
                 "Passthrough charging works, so I can top up both at once."],
                [("It takes all night to recharge itself.", "battery"),
                 ("It gets uncomfortably warm while charging.", "battery")], True),
            "Bluetooth speaker": (
                ["Surprisingly loud for its size.", "It survived a drop into the pool."],
                [("The bass distorts at anything above half volume.", None),
                 ("There is a faint hiss when nothing is playing.", "noise")], True),
            "e-reader": (
                ["The screen is crisp and easy on the eyes in sunlight.",
                 "Page turns are fast and the backlight is even."],
                [("The store keeps pushing ads onto the lock screen.", None),
                 ("Loading my own files is needlessly complicated.", None)], True),
            "smartwatch": (
                ["Step and heart-rate readings match my chest strap closely.",
                 "Notifications are easy to read at a glance."],
                [("The strap irritated my wrist.", None), ("GPS takes ages to lock on.", None),
                 ("The battery barely lasts a day with the always-on display.", "battery")], True),
            "pair of noise-cancelling headphones": (
                ["The noise cancelling makes the train almost silent.",
                 "Comfortable for a whole transatlantic flight."],
                [("The headband pinches after an hour.", None),
                 ("The cancelling produces an odd pressure hum.", "noise")], True),
            "USB-C hub": (
                ["All ports work at full speed, including the HDMI output.",
                 "It stays cool even with everything plugged in."],
                [("The HDMI output flickers at 4K.", None),
                 ("It stopped being recognized after a month.", None)], False),
            "webcam": (
                ["The picture is sharp, even in my dim office.", "Autofocus is quick."],
                [("The microphone picks up every keyboard click.", "noise"),
                 ("Colors look washed out.", None)], False),
        },
        pos=["The {p} feels solid and well put together.",
             "Setup was painless; it just worked out of the box.",
             "The companion app is simple and does not nag.",
             "Compact enough to throw in a jacket pocket."],
        neg=[("The plastic casing creaked after a week.", None),
             ("The app wants an account just to change basic settings.", None),
             ("The included cable is far too short.", None),
             ("Firmware updates keep resetting my settings.", None)],
        neutral=["I use it mostly on my commute.",
                 "Bought it to replace an older model that finally died.",
                 "It comes in a small recyclable box with a short cable.",
                 "I have had it for about {months} months now."]),
    "kitchen": dict(
        items={
            "garlic press": (["It crushes unpeeled cloves with almost no effort."],
                             [("Garlic gets stuck in the holes and takes ages to clean.", None)],
                             False),
            "pour-over kettle": (["The gooseneck spout pours a slow, steady stream.",
                                  "It holds the temperature within a degree."],
                                 [("The lid rattles while it heats.", "noise"),
                                  ("The handle gets hot enough to burn.", None)], False),
            "air fryer": (["Fries come out crisp in fifteen minutes.",
                           "The basket is nonstick and dishwasher safe."],
                          [("The fan is loud enough to drown out the TV.", "noise"),
                           ("The coating started flaking after a few months.", None)], False),
            "chef's knife": (["It holds an edge through weeks of daily use.",
                              "Well balanced, with a comfortable handle."],
                             [("The blade dulled within a couple of weeks.", None),
                              ("Rust spots appeared after one dishwasher cycle.", None)], False),
            "cast-iron skillet": (["It came well seasoned and nothing sticks.",
                                   "Heats evenly with no hot spots."],
                                  [("It arrived with a rough, uneven cooking surface.", None),
                                   ("It is heavier than I can comfortably lift one-handed.", None)],
                                  False),
            "immersion blender": (["It purees a pot of soup in under a minute.",
                                   "The attachments click on and off easily."],
                                  [("The motor whines and smells hot after a minute.", "noise"),
                                   ("Food gets trapped under the blade guard.", None)], False),
            "salad spinner": (["Greens come out properly dry.", "The pump mechanism is smooth."],
                              [("The lid never quite seals.", None),
                               ("The basket cracked within a month.", None)], False),
        },
        pos=["It cleans up in seconds under the tap.",
             "Sturdy enough that I expect it to last for years.",
             "It has made weeknight dinners noticeably faster.",
             "The {p} does exactly one job and does it really well.",
             "It looks great on the counter too."],
        neg=[("It is much smaller than the photos suggest.", None),
             ("The finish scratched almost immediately.", None),
             ("The instructions are close to useless.", None)],
        neutral=["I cook most nights for a family of four.",
                 "Bought the {p} after my old one gave out.",
                 "I mainly use it for {dish}.",
                 "Mine arrived in plain packaging with a one-page manual."]),
    "books": dict(
        items={
            "mystery novel": (["I did not guess the culprit until the last chapter."],
                              [("The killer is obvious by page fifty.", None)], False),
            "cookbook": (["Every recipe I have tried worked as written."],
                         [("Half the recipes call for ingredients I cannot find.", None)], False),
            "biography": (["It is meticulously researched but never dry."],
                          [("It skims over the most interesting years.", None)], False),
            "poetry collection": (["A few of these poems I have already read aloud to friends."],
                                  [("Most of the poems blur together.", None)], False),
            "popular science book": (["Complex ideas are explained with great clarity."],
                                     [("It oversimplifies to the point of being wrong.", None)],
                                     False),
            "graphic novel": (["The artwork is gorgeous."],
                              [("The lettering is tiny and hard to read.", None)], False),
            "fantasy trilogy box set": (["The world-building is rich without info-dumping."],
                                        [("The second book drags badly.", None)], False),
        },
        pos=["The characters felt real and I cared about all of them.",
             "I could not put it down and finished it in two evenings.",
             "The writing is sharp, funny and surprisingly moving.",
             "Beautifully printed with a sturdy binding.",
             "The pacing is excellent from the first chapter.",
             "The ending was satisfying without being predictable."],
        neg=[("The middle section drags for a hundred pages.", None),
             ("Several chapters read like a first draft.", None),
             ("The paperback spine cracked on the first read.", None),
             ("The ending felt rushed and left too many threads hanging.", None),
             ("Far too many typos for a professionally published book.", None),
             ("It repeats the same point over and over.", None)],
        neutral=["Picked this up for my book club.", "I read it over a long weekend.",
                 "A friend who rarely reads this genre recommended it.",
                 "I have read the author's earlier work."]),
    "outdoors": dict(
        items={
            "two-person tent": (["It held up through a night of heavy rain without a single leak.",
                                 "Easy to pitch alone in the dark."],
                                [("The seams started leaking in light drizzle.", None),
                                 ("The poles bent in moderate wind.", None),
                                 ("The door zipper snagged on the second trip.", None)], False),
            "pair of hiking socks": (["No blisters after twenty kilometres.",
                                      "They dry overnight."],
                                     [("A hole wore through the heel after three hikes.", None)],
                                     False),
            "headlamp": (["The beam is bright and the red mode is handy.",
                          "It stays put on my head while running."],
                         [("The button is easy to press by accident in a pack.", None)], False),
            "insulated water bottle": (["It kept water cold for a full day in the sun."],
                                       [("The lid leaks if the bottle tips over.", None)], False),
            "rain jacket": (["I stayed dry through an afternoon of steady rain.",
                             "The hood actually fits over a cap."],
                            [("It soaks through at the shoulders under a pack.", None),
                             ("It is clammy on any uphill.", None),
                             ("The fabric tore on a bramble within a week.", None)], False),
            "sleeping pad": (["Comfortable enough for a side sleeper."],
                             [("It slowly deflates overnight.", None)], False),
        },
        pos=["Light enough that I barely notice it in my pack.",
             "The materials feel tough and the stitching is neat.",
             "It packs down impressively small."],
        neg=[("Much heavier than the listed weight.", None),
             ("It looked worn out after a single season.", None),
             ("The color faded after a few sunny trips.", None)],
        neutral=["Used it on a three-day hike in the hills.",
                 "I camp about once a month from spring to autumn.",
                 "Bought it for a trip to the coast."]),
    "pets": dict(
        items={
            "cat water fountain": (["My cat took to it immediately and drinks more now."],
                                   [("The pump got noisy after a month.", "noise")], False),
            "dog harness": (["Our dog cannot wriggle out of it anymore."],
                            [("The buckle feels flimsy.", None),
                             ("The sizing chart is way off.", None)], False),
            "chew toy": (["It survived weeks of enthusiastic chewing."],
                         [("Our puppy destroyed it in a single afternoon.", None)], False),
            "automatic feeder": (["Portions are consistent and the schedule is easy to set."],
                                 [("The timer resets whenever the power blinks.", None),
                                  ("The motor grinds loudly at five in the morning.", "noise")],
                                 False),
            "dog bed": (["Our old dog sleeps on it all day."],
                        [("The fabric holds onto odors even after washing.", None)], False),
            "pet hair brush": (["It has cut down on fur everywhere."],
                               [("The bristles scratch our cat's skin.", None)], False),
        },
        pos=["Easy to clean and it does not smell.",
             "The quality is better than the pricier brand we had before."],
        neg=[("It arrived with a chemical smell that took days to fade.", None),
             ("The materials are cheaper than the photos suggest.", None)],
        neutral=["We have two cats and a very curious dog.", "Bought this for our rescue greyhound.",
                 "Our vet suggested trying one."]),
    "toys": dict(
        items={
            "wooden train set": (["The pieces are smooth with no sharp edges."],
                                 [("The paint chipped almost immediately, and I am not sure what it is made of.", "safety")],
                                 False),
            "box of building blocks": (["The bricks click together firmly."],
                                       [("Small parts broke off on the first day, which worries me with a toddler around.", "safety")],
                                       False),
            "kids' scooter": (["The brake is easy for small hands."],
                              [("The handlebar came loose mid-ride.", "safety")], False),
            "jigsaw puzzle": (["The pieces fit snugly and the print is sharp."],
                              [("Pieces were missing from the box.", None)], False),
            "science kit": (["The instructions were clear enough for my seven-year-old."],
                            [("It needs an odd battery size that is not included.", None),
                             ("Too complicated for the age on the box.", None)], False),
            "board game": (["Games are quick enough for a school night."],
                           [("The rules are confusing.", None)], False),
            "plush toy": (["It survived the washing machine."],
                          [("The eyes came off within a week.", "safety")], False),
        },
        pos=["My kids played with it for hours.", "Sturdy enough to survive a toddler.",
             "Great for rainy afternoons.", "It has become a family favorite."],
        neg=[("It is louder than any toy should be.", "noise"), ("It broke within a week.", None),
             ("The packaging was a nightmare of twist ties.", None)],
        neutral=["Bought it as a birthday present for my niece.", "My son is five.",
                 "We have a lot of toys, so the bar is high."]),
    "beauty": dict(
        items={
            "sunscreen": (["It absorbs quickly and leaves no white cast."],
                          [("It stings around my eyes.", "irritation")], False),
            "face moisturizer": (["My skin feels soft all day."],
                                 [("It broke me out within three days.", "irritation")], False),
            "shampoo": (["It left my hair shiny without weighing it down."],
                        [("It dried my hair out badly.", None)], False),
            "lip balm": (["One coat lasts through lunch."],
                         [("It tastes oddly of plastic.", None)], False),
            "hair dryer": (["It dries my thick hair in ten minutes."],
                           [("It is loud enough to wake the house.", "noise"),
                            ("It smelled like burning the first few times.", None)], False),
            "facial cleanser": (["Gentle enough for my sensitive skin."],
                                [("It made my skin itchy and red.", "irritation")], False),
        },
        pos=["A little goes a long way.", "The scent is light and fades quickly.",
             "The packaging is simple and easy to travel with."],
        neg=[("The fragrance is overpowering.", None),
             ("The pump dispenser stopped working halfway through the bottle.", None),
             ("It is expensive for how fast it runs out.", None)],
        neutral=["I have combination skin.", "I switched to this from my usual brand.",
                 "I use it every morning."]),
    "home": dict(
        items={
            "desk lamp": (["The light is warm and even."],
                          [("The switch flickers.", None),
                           ("The arm droops and will not hold its position.", None)], False),
            "robot vacuum": (["It maps the apartment and rarely misses a spot."],
                             [("It gets stuck under the sofa every single time.", None),
                              ("It is much louder than advertised.", "noise")], False),
            "space heater": (["It warms my office in minutes."],
                             [("The fan has a constant rattle I can hear from the next room.", "noise")],
                             False),
            "bedsheet set": (["Soft, and still soft after many washes."],
                             [("The fabric pilled after two washes.", None)], False),
            "air purifier": (["The air felt noticeably fresher within a day.",
                              "Quiet enough to run at night."],
                             [("It whines on the highest setting.", "noise"),
                              ("Replacement filters cost a fortune.", None)], False),
            "pair of blackout curtains": (["The room is properly dark at noon."],
                                          [("The color is nothing like the listing.", None)],
                                          False),
        },
        pos=["It fits perfectly and looks better than the photos.",
             "Easy to assemble with the included tools.", "It feels more expensive than it was."],
        neg=[("It started falling apart after a few weeks.", None),
             ("The instructions were missing.", None), ("It arrived with a dent.", None)],
        neutral=["We live in a small two-bedroom apartment.",
                 "Ordered it to replace one that broke after years of use.",
                 "It sits in my home office."]),
    "tools": dict(
        items={
            "cordless drill": (["Plenty of torque for everything I have thrown at it.",
                                "The batteries last all day on site."],
                               [("The chuck wobbles.", None)], False),
            "stud finder": (["Accurate every time I checked it."],
                            [("Readings are inconsistent.", None)], False),
            "tape measure": (["The blade stands out to nearly three metres."],
                             [("The hook bent on the first day.", None)], False),
            "socket set": (["The case keeps everything organized."],
                           [("Two sockets cracked under normal use.", None)], False),
            "utility knife": (["Blade changes take seconds."],
                              [("The blade lock is sloppy.", None)], False),
            "laser level": (["The line is bright enough to see outdoors."],
                            [("It drifts off level after a few minutes.", None)], False),
        },
        pos=["Feels balanced in the hand.", "Does the job.", "Built like a tank."],
        neg=[("The case latch broke immediately.", None),
             ("Cheap plastic where it matters.", None)],
        neutral=["I do renovation work most weekends.",
                 "I am a contractor, so my tools get used daily.",
                 "Bought it for a kitchen remodel."]),
}

REVIEW_SLOTS = {"months": ["two", "three", "six", "eight", "fourteen"],
                "dish": ["weeknight stir-fries", "Sunday roasts", "soups", "meal prep", "baking"]}

BATTERY_LINES = {
    "pos": ["Measured about {mah} mAh delivered, close to the rated capacity.",
            "After {cycles} charge cycles it still holds about 95% of its original capacity.",
            "Standby drain is negligible — it lost 2% over a week in a drawer.",
            "Runs {hours} hours on a charge in my testing, slightly better than claimed."],
    "neg": ["Delivered only about {pct}% of its rated {mah} mAh in my tests.",
            "After {cycles} cycles it already holds noticeably less charge than when new.",
            "Standby drain is bad: it loses a few percent a day just sitting there.",
            "Gets {hours} hours on a charge, not the advertised {claimed}."],
}

OPENERS = {
    5: ["Absolutely love this {p}.", "This {p} exceeded my expectations.",
        "Best {p} I have owned.", "Could not be happier with this {p}."],
    4: ["Really good {p} with one small flaw.", "Very happy with this {p} overall.",
        "A solid {p}.", "Does what I need and then some."],
    3: ["It's an okay {p}.", "Mixed feelings about this {p}.", "Decent, but nothing special.",
        "The {p} is fine for the price."],
    2: ["Not impressed with this {p}.", "I wanted to like this {p}.", "Disappointing {p}.",
        "This {p} has more problems than I expected."],
    1: ["Do not buy this {p}.", "Complete waste of money.", "The worst {p} I have ever bought.",
        "Returned the {p} within a week."],
}
CLOSERS = {
    5: ["Would buy again in a heartbeat.", "Highly recommend.",
        "Already ordered a second one as a gift."],
    4: ["Would recommend with that caveat.", "Happy with the purchase.", "Good value overall."],
    3: ["It works, but I would look around first.", "Fine if you find it on sale.",
        "Not sure I would buy it again."],
    2: ["I will probably replace it soon.", "Expected better for the price.",
        "Cannot really recommend it."],
    1: ["Save your money.", "Returning it.", "Avoid."],
}
# (positive, negative) sentence counts per latent sentiment
SENTIMENT_MIX = {5: [(2, 0), (3, 0)], 4: [(2, 1), (1, 0)], 3: [(1, 1), (1, 2)],
                 2: [(0, 2), (1, 2)], 1: [(0, 2), (0, 3)]}


def write_review(rng, cat, q, style, force_flag=None, battery=None):
    """Returns (text, flags) for a review of a random product in `cat` with sentiment q."""
    c = PRODUCTS[cat]
    products = sorted(c["items"])
    if battery:
        products = [p for p in products if c["items"][p][2]]
    if force_flag:
        flagged = [p for p in products if any(f == force_flag for _, f in c["items"][p][1])]
        if any(f == force_flag for _, f in c["neg"]):
            flagged = products
        products = flagged or products
    p = rng.choice(products)
    own_pos, own_neg, _ = c["items"][p]
    n_pos, n_neg = rng.choice(SENTIMENT_MIX[q])
    pos_pool = own_pos + c["pos"]
    pos = rng.sample(pos_pool, min(n_pos, len(pos_pool)))
    neg_pool = [n for n in own_neg + c["neg"] if n[1] is None]
    negs = rng.sample(neg_pool, min(n_neg, len(neg_pool)))
    if force_flag:
        flagged = [n for n in own_neg + c["neg"] if n[1] == force_flag]
        if flagged:
            negs = negs[:max(0, len(negs) - 1)] + [rng.choice(flagged)]
    flags = [f for _, f in negs if f]
    neg = [t for t, _ in negs]
    if battery:
        line = rng.choice(BATTERY_LINES[battery]).format(
            mah=rng.choice(["1,200", "5,000", "10,000", "20,000"]),
            cycles=rng.choice([60, 120, 250, 400]), pct=rng.randint(58, 81),
            hours=rng.choice([6, 9, 14, 22]), claimed=rng.choice(["30 hours", "a full day"]))
        (pos if battery == "pos" else neg).append(line)
        if battery == "neg":
            flags.append("battery")
    slots = {"p": p, **{k: rng.choice(v) for k, v in REVIEW_SLOTS.items()}}
    opener = rng.choice(OPENERS[q])
    closer = rng.choice(CLOSERS[q])
    neutral = rng.choice(c["neutral"])
    body = pos + neg
    rng.shuffle(body)

    if style == "terse":
        parts = [opener] + body[:1]
    elif style == "exclaim":
        parts = [opener.replace(".", "!")] + body + [closer.replace(".", "!!")]
    elif style == "proscons":
        pros = " ".join(pos) if pos else "Hard to think of any."
        cons = " ".join(neg) if neg else "None so far."
        parts = [opener, "Pros: " + pros, "Cons: " + cons]
    elif style == "story":
        parts = [neutral, opener] + body + ([closer] if rng.random() < 0.6 else [])
    elif style == "long":
        parts = [opener, neutral] + body + [closer]
    else:  # plain
        parts = [opener] + body + ([closer] if rng.random() < 0.5 else [])
    text = tidy(" ".join(parts).format(**slots))
    return cap(text), flags


def gen_lamp3(rng):
    H = {1: ["1"], 2: ["1"], 3: ["2"], 4: ["3"], 5: ["4", "4", "4", "4", "4", "4", "4", "5"]}
    G = {1: ["2"], 2: ["3"], 3: ["4"], 4: ["5"], 5: ["5"]}
    ID = {q: [str(q)] for q in range(1, 6)}
    users = [
        # categories, latent sentiment weights for q=1..5, q->score, style, special rule
        dict(cats=["electronics", "home", "kitchen", "books"], qw=[1, 2, 3, 4, 3], map=H,
             style="terse"),                                                  # harsh grader
        dict(cats=["home", "beauty", "kitchen", "toys"], qw=[1, 1, 2, 3, 4], map=G,
             style="exclaim"),                                                # generous
        dict(cats=["electronics"], qw=[1, 2, 3, 3, 2], map=ID, style="long",
             rule="battery"),                                                 # battery nitpicker
        dict(cats=["kitchen"], qw=[0, 1, 2, 4, 5], map=G, style="story"),     # kitchen-gadget fan
        dict(cats=["home", "outdoors", "electronics"], qw=[1, 2, 4, 2, 1],
             map={1: ["2"], 2: ["3"], 3: ["3"], 4: ["3"], 5: ["4"]}, style="plain"),  # fence-sitter
        dict(cats=["electronics", "toys", "home"], qw=[2, 2, 1, 2, 3],
             map={1: ["1"], 2: ["1"], 3: ["1"], 4: ["5"], 5: ["5"]}, style="plain"),  # all or nothing
        dict(cats=["books"], qw=[1, 2, 3, 4, 4], map=ID, style="long"),       # reader
        dict(cats=["outdoors"], qw=[1, 2, 2, 4, 3], map=ID, style="plain"),  # hiker
        dict(cats=["toys"], qw=[1, 1, 2, 3, 3], map=ID, style="story", rule="safety"),  # parent
        dict(cats=["pets"], qw=[1, 1, 2, 3, 4], map=G, style="story"),        # pet owner
        dict(cats=["beauty"], qw=[1, 2, 2, 3, 3], map=ID, style="plain",
             rule="irritation"),                                              # sensitive skin
        dict(cats=["tools"], qw=[1, 1, 2, 4, 4],
             map={1: ["1"], 2: ["2"], 3: ["3"], 4: ["4"], 5: ["4"]}, style="terse"),  # contractor
        dict(cats=["home"], qw=[1, 2, 3, 3, 3], map=ID, style="proscons", rule="noise"),
        dict(cats=["electronics", "kitchen", "home", "books"], qw=[1, 1, 1, 1, 1], map=ID,
             style="plain", noise=0.35),                                      # inconsistent
        dict(cats=["electronics"], qw=[1, 2, 3, 3, 2], map=ID, style="proscons"),
        dict(cats=["kitchen", "home", "tools"], qw=[1, 2, 3, 3, 2],
             map={1: ["1"], 2: ["3"], 3: ["4"], 4: ["4"], 5: ["5"]}, style="plain"),  # value hunter
        dict(cats=["kitchen"], qw=[1, 2, 3, 3, 2], map=H, style="long"),      # fussy cook
        dict(cats=["toys", "books", "beauty"], qw=[1, 1, 2, 3, 4], map=G, style="exclaim"),
        dict(cats=["pets", "outdoors", "home"], qw=[1, 2, 3, 3, 3], map=ID, style="story"),
        dict(cats=["beauty", "kitchen", "electronics"], qw=[0, 0, 1, 2, 6], map=G,
             style="exclaim"),                                                # five-star fan
    ]
    ids = Ids(3)
    sizes = profile_sizes(rng)
    questions, golds = [], []

    def review(u):
        q = weighted(rng, list(zip(range(1, 6), u["qw"])))
        cat = rng.choice(u["cats"])
        rule = u.get("rule")
        force = rule if rule in ("safety", "irritation", "noise") and rng.random() < 0.35 else None
        battery = rng.choice(["pos", "neg"]) if rule == "battery" else None
        text, flags = write_review(rng, cat, q, u["style"], force, battery)
        score = int(rng.choice(u["map"][q]))
        if rule and rule in flags:
            score = 1 if rule in ("safety", "irritation") else min(score, 2)
        elif rule == "battery" and battery == "pos":
            score = max(score, 4)
        if u.get("noise") and rng.random() < u["noise"]:
            score = min(5, max(1, score + rng.choice([-1, 1])))
        return text, str(score)

    def mutate(r, item):  # the same product reviewed again a few months later
        item["text"] = item["text"] + r.choice([" Update: still going strong.",
                                                " Update after a few months: no change.",
                                                " Edit: the seller replaced it once, same result."])
        return item

    for u, persona in enumerate(users):
        n_dups = rng.choice([0, 1, 2]) if sizes[u] >= 14 else 0
        items, seen = [], set()
        for _ in range(sizes[u] - n_dups):
            text, score = fresh(lambda: review(persona), seen, first)
            items.append({"text": text, "score": score, "id": ids.item()})
        add_near_duplicates(rng, items, n_dups, mutate, ids)
        text, score = fresh(lambda: review(persona), seen, first)
        qid = ids.question(u)
        questions.append({"id": qid, "input": TEMPLATES[3].format(text=text), "profile": items})
        golds.append({"id": qid, "output": score})
    return questions, golds


# ----------------------------------------------------------------------------------------------
# LaMP-4: news headlines.  Each event writer returns the article plus the facts a headline can
# be built from; each user has a beat, a home city and a headline habit.

FIRST = ["Dana", "Marcus", "Ines", "Priya", "Tom", "Aleksandra", "Jamal", "Chen", "Rosa", "Elliot",
         "Fatima", "Gareth", "Hélène", "Kofi", "Linnea", "Mateo", "Nadia", "Owen", "Sun-hee", "Yara"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Patel", "Brennan", "Castillo", "Nakamura", "Haddad",
        "Kowalski", "Ferreira", "Abernathy", "Mbeki", "Sørensen", "O'Leary", "Zhang", "Whitcombe",
        "Delgado", "Varga", "Achterberg", "Quinn"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "April", "June", "September", "October", "November"]
STREETS = ["Harbor Road", "Queen Street", "Elm Avenue", "Mill Lane", "Station Road",
           "Canal Street", "Rue Saint-Denis", "Fenwick Avenue"]
UNIVERSITIES = ["Calder State University", "the University of Eastvale", "Harwick Polytechnic"]


class Desk:
    def __init__(self, rng, city):
        self.r = rng
        self.city = city

    def person(self):
        first, last = self.r.choice(FIRST), self.r.choice(LAST)
        return f"{first} {last}", last

    def day(self):
        return self.r.choice(WEEKDAYS)

    def month(self):
        return self.r.choice(MONTHS)


def ev_fare(r, d):
    old = r.choice([2.25, 2.50, 2.75, 3.00])
    new = old + r.choice([0.25, 0.50])
    p, _ = d.person()
    quote = r.choice(["Nobody on this board wanted to do this",
                      "We have held the line as long as we could", "This keeps the buses running"])
    month = d.month()
    text = vary(r, f'''{d.city}'s regional transit board voted {r.randint(5, 8)}-{r.randint(1, 4)} on {d.day()} to raise the base bus and rail fare from ${old:.2f} to ${new:.2f}, the first increase since {r.randint(2008, 2019)}. <Officials said|The agency said> the change, which takes effect in {month}, is needed to close a ${r.randint(8, 40)} million <operating gap|hole in the operating budget>. <Riders with reduced-fare passes will not see a change.|Monthly passes will rise by a smaller share.|Seniors and students keep their discounts.> "{quote}," said {p}, <the board's chair|a board member who voted yes>. <Rider advocates said they would push for more frequent service in return.|Several speakers at the hearing urged the board to delay the vote.|>''')
    return dict(text=text, sv=f"{d.city} transit board raises base fare to ${new:.2f}",
                topic=f"{d.city} transit", np=f"base fare rises to ${new:.2f} in {month}",
                q=f"Will a ${new:.2f} fare push {d.city} riders off the bus?",
                pun=f"Fare enough? {d.city} bus rides to cost ${new:.2f}", quote=quote)


def ev_line(r, d):
    line = r.choice(["Green Line extension", "Route 9 rapid bus", "crosstown streetcar",
                     "airport rail link"])
    a, b = r.sample(["the riverfront", "Old Market", "the university district", "Northgate",
                     "the hospital campus", "Harbor Point"], 2)
    months = r.choice([8, 14, 19, 26])
    p, _ = d.person()
    quote = r.choice(["I'll believe it when I see it running in winter",
                      "This cuts my commute in half", "It's about time"])
    text = vary(r, f'''The long-delayed {line} <opens to passengers|carries its first passengers> on {d.day()}, adding {r.randint(4, 11)} stations between {a} and {b}. The project came in {months} months late and roughly ${r.randint(12, 90)} million over budget, according to agency figures. <Trains|Vehicles> will run every {r.choice([6, 8, 10, 12])} minutes at peak times<| and every 20 minutes late at night>. "{quote}," said {p}, who has commuted from {a} for {r.randint(3, 25)} years.''')
    return dict(text=text, sv=f"{d.city}'s {line} opens after {months}-month delay",
                topic=cap(line), np="first riders board after years of delays",
                q=f"Was the {line} worth the wait?",
                pun=f"End of the line for delays: {d.city}'s {line} finally opens", quote=quote)


def ev_strike(r, d):
    day = d.day()
    p, _ = d.person()
    quote = r.choice(["We're not asking for the moon, just a bathroom break",
                      "Nobody wants to strand riders", "Our drivers are exhausted"])
    text = vary(r, f'''Bus drivers in {d.city} will walk off the job on {day} unless a deal is reached, their union said, after talks over wages and rest breaks broke down. The strike would halt {r.randint(12, 40)} routes carrying about {r.randint(20, 90)},000 riders a day. <The agency said it had offered a {r.randint(3, 9)} percent raise over three years.|Management called the union's demands unaffordable.> "{quote}," said {p}, a union steward. <A mediator has been called in.|No new talks are scheduled.|>''')
    return dict(text=text, sv=f"{d.city} bus drivers set strike date as wage talks stall",
                topic=f"{d.city} buses", np=f"drivers threaten {day} walkout",
                q=f"Will {d.city}'s buses stop running on {day}?",
                pun=f"Brakes on talks: {d.city} bus drivers set strike date", quote=quote)


def ev_bikes(r, d):
    street, street2 = r.sample(STREETS, 2)
    km, spots = r.choice([3, 5, 7, 12]), r.choice([80, 140, 220, 310])
    p, _ = d.person()
    quote = r.choice(["My customers come by car", "Safer streets are good for business",
                      "We were not consulted"])
    text = vary(r, f'''{d.city} will add {km} kilometres of protected bike lanes along {street} and {street2} by next <spring|summer>, the city council decided {d.day()}. The plan removes about {spots} parking spaces, which drew objections from several shop owners. <Cycling counts on {street} have doubled since {r.randint(2015, 2020)}, according to city data.|The city says crashes involving cyclists rose last year.> "{quote}," said {p}, who owns a bakery on {street}.''')
    return dict(text=text, sv=f"{d.city} approves {km} km of protected bike lanes",
                topic=street, np=f"protected bike lanes to replace {spots} parking spaces",
                q=f"Can {d.city}'s shops survive losing {spots} parking spaces to bike lanes?",
                pun=f"Spoke too soon? {d.city} shop owners push back on bike lanes", quote=quote)


def ev_heat(r, d):
    temp = r.choice([38.2, 39.4, 40.1, 41.6])
    p, _ = d.person()
    quote = r.choice(["Records like this used to be once-in-a-century events",
                      "We expect more days like this", "Check on your elderly neighbours"])
    text = vary(r, f'''Temperatures in {d.city} reached {temp}°C on {d.day()}, breaking a record set in {r.randint(1947, 2019)}, the national weather service said. Cooling centres at {r.randint(4, 15)} libraries stayed open late<|, and the city paused outdoor work at midday>. <Forecasters expect the heat to ease by the weekend.|No relief is expected before next week.> "{quote}," said {p}, a climatologist at {r.choice(UNIVERSITIES)}.''')
    return dict(text=text, sv=f"{d.city} breaks heat record at {temp}°C", topic="Heat wave",
                np=f"{d.city} hits {temp}°C, a new record",
                q=f"Is {temp}°C the new normal for {d.city}?",
                pun=f"Hot off the press: {d.city} sizzles to a record {temp}°C", quote=quote)


def ev_flood(r, d):
    amt = r.choice([45, 120, 310])
    river = r.choice(["Aldous River", "Calder", "Wend", "Millstream"])
    p, _ = d.person()
    quote = r.choice(["We cannot keep rebuilding the same streets",
                      "Wetlands are cheaper than concrete", "This buys us time, not immunity"])
    text = vary(r, f'''{d.city} will spend ${amt} million on flood barriers and restored wetlands along the {river}, officials announced {d.day()}. The project follows floods in {r.randint(2012, 2022)} that damaged more than {r.randint(3, 19)}00 homes. <Work is expected to start in the spring and take {r.randint(3, 7)} years.|Construction will be phased over several years.> "{quote}," said {p}, the city's resilience officer.''')
    return dict(text=text, sv=f"{d.city} commits ${amt} million to flood defenses",
                topic="Flood defenses", np=f"{d.city} bets ${amt} million on barriers and wetlands",
                q=f"Can ${amt} million keep the {river} out of {d.city}?",
                pun=f"Holding back the tide: {d.city} commits ${amt} million to flood defenses",
                quote=quote)


def ev_emissions(r, d):
    pct, target = r.randint(3, 12), r.choice([2030, 2035])
    p, _ = d.person()
    quote = r.choice(["The easy cuts are behind us", "Cars are now the whole story",
                      "We are moving, just not fast enough"])
    driver = r.choice(["the closure of a coal-fired plant", "new building efficiency rules",
                       "a surge in rooftop solar"])
    text = vary(r, f'''{d.city}'s greenhouse gas emissions fell {pct} percent last year, according to a report released {d.day()}, driven mostly by {driver}. Transport emissions, however, rose for the <second|third|fourth> year in a row. The city has pledged to halve emissions by {target}. "{quote}," said {p}, who led the analysis.''')
    return dict(text=text, sv=f"{d.city} emissions fall {pct}% but transport lags",
                topic="Emissions report", np=f"{d.city} cuts {pct}%, traffic pollution still climbing",
                q=f"Is {d.city} on track to halve emissions by {target}?",
                pun=f"Clearing the air? {d.city} emissions fall {pct}%", quote=quote)


def ev_species(r, d):
    species = r.choice(["Otters", "Salmon", "Kingfishers", "Beavers", "Freshwater mussels"])
    river = r.choice(["Aldous River", "Calder", "Wend", "Millstream"])
    years = r.choice([30, 45, 60, 80])
    p, _ = d.person()
    quote = r.choice(["I honestly did not think I would see this",
                      "Nature comes back when you give it room", "It shows the cleanup worked"])
    cause = r.choice(["the removal of an old weir", "upgrades at the sewage plant",
                      "years of replanting along the banks"])
    text = vary(r, f'''{species} have returned to the {river} near {d.city} for the first time in {years} years, volunteers with a local conservation group reported {d.day()}. The group credits {cause}. <Surveys counted {r.randint(6, 40)} animals along a two-kilometre stretch.|Sightings have been confirmed by camera traps.> "{quote}," said {p}, who has monitored the river since {r.randint(1990, 2010)}.''')
    return dict(text=text, sv=f"{species} return to the {river} after {years} years",
                topic=species, np=f"back in the {river} after {years} years",
                q=f"Is the {river} finally healthy again?",
                pun=f"Making a splash: {species.lower()} return to the {river}", quote=quote)


STARTUPS = ["Loomwise", "Parcelly", "Brightfold", "Quillbase", "Tendril", "Nimbus Dock",
            "Sprocket AI", "Fernweh Labs"]


def ev_funding(r, d):
    s = r.choice(STARTUPS)
    amt, series = r.choice([4, 12, 28, 55]), r.choice(["A", "B", "C"])
    vc = r.choice(["Harbor Ventures", "Northwind Capital", "Lattice Partners", "Greyhound Seed"])
    p, pl = d.person()
    does = r.choice(["builds scheduling software for clinics",
                     "helps farmers monitor soil moisture",
                     "automates customs paperwork for small exporters",
                     "makes inventory tools for independent bookstores",
                     "sells battery analytics to fleet operators"])
    quote = r.choice(["We were profitable in two of the last four quarters",
                      "Customers found us before investors did",
                      "This lets us hire ahead of demand"])
    text = vary(r, f'''{s}, {an(d.city)}-based startup that {does}, has raised ${amt} million in a Series {series} round led by {vc}. The company, founded in {r.randint(2015, 2021)} by {p}, says it has <{r.randint(2, 9)}00|more than a thousand> paying customers. It plans to <double its engineering team|expand into Europe|open a second office>. "{quote}," {pl} said in an interview.''')
    return dict(text=text, sv=f"{s} raises ${amt}M Series {series} led by {vc}", topic=s,
                np=f"${amt} million to grow beyond {d.city}",
                q=f"Can {s} turn ${amt} million into a real business?",
                pun=f"Money talks: {s} lands ${amt}M", quote=quote)


def ev_layoffs(r, d):
    s = r.choice(STARTUPS)
    n, pct = r.choice([18, 40, 65, 120]), r.choice([10, 15, 22, 30])
    p, pl = d.person()
    quote = r.choice(["This is the hardest decision I have made as a founder",
                      "We grew faster than our revenue", "I take full responsibility"])
    text = vary(r, f'''{s} is laying off {n} employees, about {pct} percent of its staff, the company told workers in an email {d.day()}. Chief executive {p} cited <slower sales and the end of a major contract|a tougher funding market>. Affected employees will receive {r.choice([8, 10, 12, 16])} weeks of severance<| and help finding new jobs>. "{quote}," {pl} wrote.''')
    return dict(text=text, sv=f"{s} cuts {pct}% of staff as sales slow", topic=s,
                np=f"{n} jobs cut as growth stalls", q=f"What went wrong at {s}?",
                pun=f"Downsized: {s} lays off {n}", quote=quote)


def ev_launch(r, d):
    s = r.choice(STARTUPS)
    product, short = r.choice([("an AI assistant for bookkeeping", "bookkeeping assistant"),
                               ("a self-serve analytics dashboard", "analytics dashboard"),
                               ("a mobile app for shift swaps", "shift-swap app"),
                               ("an offline-first note-taking app", "note-taking app")])
    price = r.choice([9, 19, 49])
    p, _ = d.person()
    quote = r.choice(["We built the tool we wished we had", "Speed is the whole product",
                      "Your data never leaves your device"])
    text = vary(r, f'''{s} on {d.day()} released {product}. The tool costs ${price} a month and is available in {r.randint(3, 30)} countries. <Early testers praised its speed but raised questions about data privacy.|Reviewers called it polished but pricey.> "{quote}," said {p}, the company's head of product.''')
    return dict(text=text, sv=f"{s} launches {product}", topic=s,
                np=f"new {short} goes live at ${price} a month",
                q=f"Does the world need another {short}?",
                pun=f"App-solutely new: {s} launches {product}", quote=quote)


def ev_acquisition(r, d):
    s = r.choice(STARTUPS)
    big = r.choice(["Meridian Software", "Tessellate", "Oakline Systems", "Polaris Cloud"])
    p, _ = d.person()
    quote = r.choice(["Nothing changes for our customers", "We get to finish what we started",
                      "It was the right home for the team"])
    text = vary(r, f'''{big} has agreed to buy {s} for an undisclosed sum, the companies said {d.day()}. {s}'s {r.randint(15, 140)} employees will join {big}'s <cloud|payments|developer tools> team, and its product will keep running for at least a year. {s} had raised about ${r.randint(5, 60)} million from investors. "{quote}," said {p}, {s}'s co-founder.''')
    return dict(text=text, sv=f"{big} acquires {d.city} startup {s}", topic="Acquisition",
                np=f"{big} snaps up {s}", q=f"Why does {big} want {s}?",
                pun=f"Bought and sold: {big} picks up {s}", quote=quote)


RESTAURANTS = ["Salt & Ember", "Mirabelle", "Juniper Hall", "The Copper Pot", "Kōji", "Casa Alba",
               "Lantern & Vine"]
DINERS = ["Rosie's Diner", "The Blue Plate", "Corner Grill", "Mabel's", "Lucky Star Diner",
          "Café Ottilie"]
CUISINES = [("Lebanese", "wood-fired flatbreads"), ("Oaxacan", "slow-cooked moles"),
            ("Sichuan", "hand-pulled noodles"), ("Basque", "pintxos and grilled fish"),
            ("Ethiopian", "injera platters"), ("Korean", "banchan and braised short rib")]


def ev_opening(r, d):
    rest = r.choice(RESTAURANTS)
    cuisine, dishes = r.choice(CUISINES)
    street = r.choice(STREETS)
    p, pl = d.person()
    quote = r.choice(["I wanted the food my grandmother made, without shortcuts",
                      "We kept the menu short on purpose", "This street deserves a late-night spot"])
    text = vary(r, f'''{rest}, {an(cuisine)} restaurant from chef {p}, opens on {street} in {d.city} on {d.day()}. The menu centres on {dishes}, with most plates under ${r.choice([14, 18, 22])}. {pl} previously cooked at <a hotel kitchen downtown|a well-known bistro in the capital> for {r.randint(4, 15)} years. "{quote}," {pl} said.''')
    return dict(text=text, sv=f"{rest} brings {cuisine} cooking to {street}", topic=rest,
                np=f"{cuisine} small plates arrive on {street}",
                q=f"Is {rest} the best new {cuisine} spot in {d.city}?",
                pun=f"Something new is cooking on {street}: {rest} opens", quote=quote)


def ev_closure(r, d):
    rest = r.choice(DINERS)
    years, month = r.choice([22, 31, 47, 58]), d.month()
    p, pl = d.person()
    dish = r.choice(["the Friday fish stew", "the lemon cake", "the breakfast hash",
                     "the dumplings"])
    quote = r.choice(["We fed three generations here", "The rent doubled and we ran out of road",
                      "I'll miss the regulars most"])
    text = vary(r, f'''{rest}, the diner that has fed {d.city} for {years} years, will close at the end of {month}, its owners announced. <Rising rent and staffing shortages|A steep rent increase> made the business unsustainable, said {p}, whose parents opened it in {2024 - years}. Regulars have been lining up for a last plate of {dish}. "{quote}," {pl} said.''')
    return dict(text=text, sv=f"{rest} to close after {years} years in {d.city}", topic=rest,
                np=f"beloved diner serves its last plates in {month}",
                q=f"Who will feed {d.city} when {rest} closes?",
                pun=f"Order up, one last time: {rest} closes after {years} years", quote=quote)


def ev_festival(r, d):
    fest = r.choice(["Street Food Festival", "Chili Cook-Off", "Harvest Market", "Dumpling Fair",
                     "Cheese & Cider Weekend"])
    n = r.choice([40, 65, 90, 120])
    p, _ = d.person()
    quote = r.choice(["Bring your own fork this year", "We want people to taste the whole region",
                      "No plastic, no exceptions"])
    text = vary(r, f'''The {d.city} {fest} returns this weekend with {n} vendors, live music and a new zero-waste policy. Organizers expect about {r.randint(8, 40)},000 visitors over two days. <Tickets cost ${r.choice([5, 8, 12])}, and children under 12 get in free.|Entry is free; tasting tokens are sold at the gate.> "{quote}," said {p}, the festival director.''')
    return dict(text=text, sv=f"{d.city} {fest} returns with {n} vendors", topic=fest,
                np=f"{n} vendors, no plastic", q=f"Can the {d.city} {fest} really go zero-waste?",
                pun=f"Feast your eyes: the {d.city} {fest} is back", quote=quote)


def ev_prices(r, d):
    ingredient, pun = r.choice([("butter", "Butter days ahead?"), ("olive oil", "Oil's not well:"),
                                ("cocoa", "Cocoa loco:"), ("eggs", "Eggs-pensive:"),
                                ("coffee beans", "Grounds for concern:")])
    pct = r.randint(18, 65)
    p, _ = d.person()
    quote = r.choice(["I can't put a croissant on the menu for eight dollars",
                      "We're absorbing what we can", "Customers notice every change"])
    text = vary(r, f'''The price of {ingredient} at {d.city} wholesale markets has risen {pct} percent since last spring, squeezing small restaurants and bakeries. Suppliers blame <poor harvests|higher shipping costs|drought in producing regions>. Some owners have trimmed portions or dropped items from menus. "{quote}," said {p}, who runs a bakery on {r.choice(STREETS)}.''')
    return dict(text=text, sv=f"{cap(ingredient)} prices up {pct}% as {d.city} kitchens feel the pinch",
                topic=cap(ingredient), np=f"prices jump {pct}% at {d.city} markets",
                q=f"How long can {d.city} bakeries absorb the price of {ingredient}?",
                pun=f"{pun} {ingredient} prices jump {pct}% in {d.city}", quote=quote)


def ev_budget(r, d):
    amt, pct = r.choice([310, 480, 720]), r.choice([2, 3, 4])
    up = r.choice(["road repairs", "library hours", "youth sports", "snow removal"])
    down = r.choice(["consulting contracts", "police overtime", "park maintenance"])
    p, _ = d.person()
    quote = r.choice(["responsible and overdue", "a budget for the streets people actually drive on",
                      "the best we could do with what we have"])
    text = vary(r, f'''{d.city} council approved a ${amt} million budget on {d.day()} in a {r.randint(6, 9)}-{r.randint(2, 4)} vote, boosting spending on {up} while trimming {down}. Property taxes will rise {pct} percent for the average homeowner. Mayor {p} called the plan "{quote}," while opponents said it leaned too heavily on reserves.''')
    return dict(text=text, sv=f"{d.city} council passes ${amt}M budget, raises property tax {pct}%",
                topic=f"{d.city} budget", np=f"more for {up}, less for {down}",
                q=f"What does {d.city}'s new budget mean for your tax bill?",
                pun=f"Tax and spend? {d.city} council passes ${amt}M budget", quote=quote)


def ev_mayor(r, d):
    p, pl = d.person()
    p2, _ = d.person()
    pledge = r.choice(["freeze transit fares", "build 2,000 affordable homes",
                       "reopen the east-side clinic", "cut permit waiting times in half"])
    bio = r.choice(["two-term council member", "former school principal", "small-business owner",
                    "retired fire chief"])
    quote = r.choice(["This city works for some of us, not all of us",
                      "I'm running because nobody else would", "It's time for a change"])
    text = vary(r, f'''{p}, a {bio}, announced {d.day()} a run for mayor of {d.city}, setting up a challenge to incumbent {p2}. {pl} pledged to {pledge}<| and to publish every city contract online>. The election is in {d.month()}. "{quote}," {pl} told supporters at <a community hall|a packed coffee shop>.''')
    return dict(text=text, sv=f"{p} launches bid to unseat {d.city} mayor",
                topic=f"{d.city} mayor's race", np=f"{p} enters, promising to {pledge}",
                q=f"Can {p} unseat {p2}?", pun=f"Running start: {p} takes on {p2}", quote=quote)


def ev_zoning(r, d):
    floors = r.choice([4, 6, 8])
    p, _ = d.person()
    quote = r.choice(["Nobody asked the people who live here", "This is how we stop pricing out our kids",
                      "Density done badly is worse than no density"])
    text = vary(r, f'''{d.city} council voted {d.day()} to allow apartment buildings of up to {floors} storeys near transit stations, ending decades of single-family-only zoning in {r.randint(5, 14)} neighbourhoods. Supporters said the change could add {r.randint(3, 12)},000 homes over ten years. <Opponents warned of traffic and shadows.|Several residents' associations have threatened to sue.> "{quote}," said {p}, who spoke <against|in favor of> the plan.''')
    return dict(text=text, sv=f"{d.city} ends single-family-only zoning near transit",
                topic="Zoning", np=f"{d.city} clears the way for {floors}-storey buildings near stations",
                q=f"Will taller buildings make {d.city} more affordable?",
                pun=f"Zoning in: {d.city} opens neighbourhoods to apartments", quote=quote)


def ev_resign(r, d):
    p, pl = d.person()
    amt = r.choice([18, 42, 75])
    quote = r.choice(["to spare my family the circus", "so the council can focus on its work",
                      "to clear my name"])
    text = vary(r, f'''{d.city} council member {p} resigned {d.day()}, weeks after an audit found ${amt},000 in undocumented expenses charged to a council account. {pl} denied wrongdoing and said the resignation was "{quote}." A special election will be held in {d.month()}.<| The audit has been referred to the county prosecutor.>''')
    return dict(text=text, sv=f"{d.city} council member resigns after expense audit", topic=p,
                np=f"council member quits after ${amt}K audit", q=f"What did {d.city}'s audit find?",
                pun=f"Expense report card: {d.city} council member resigns", quote=cap(quote))


def ev_start_times(r, d):
    new, old = r.choice([("8:30", "7:45"), ("8:45", "7:30"), ("9:00", "8:00")])
    p, _ = d.person()
    school = r.choice(["Northgate High", "Eastside Secondary", "Harbor Academy"])
    quote = r.choice(["I might actually be awake for first period",
                      "My practice schedule just fell apart", "Finally, someone listened"])
    text = vary(r, f'''The {d.city} school board voted {d.day()} to push high school start times to {new} a.m. from {old} a.m. starting next fall. Board members cited research linking early starts to sleep loss among teenagers. <Parents raised concerns about after-school jobs and sports.|Bus schedules will be redrawn over the summer.> "{quote}," said {p}, a junior at {school}.''')
    return dict(text=text, sv=f"{d.city} high schools to start at {new} a.m.",
                topic="School start times", np=f"{d.city} pushes the first bell to {new} a.m.",
                q=f"Will later start times help {d.city} teens?",
                pun=f"Rise and shine, later: {d.city} schools push back start times", quote=quote)


def ev_scores(r, d):
    pts = r.randint(4, 11)
    p, _ = d.person()
    quote = r.choice(["Our teachers did this, not a program", "Phonics works when you stick with it",
                      "Math is next"])
    text = vary(r, f'''Reading scores among {d.city} third graders rose {pts} points this year, the district reported {d.day()}, the biggest gain in a decade. Officials credited a new phonics curriculum and smaller reading groups. <Math scores were flat.|Gains were largest at the district's poorest schools.> "{quote}," said superintendent {p}.''')
    return dict(text=text, sv=f"{d.city} third-grade reading scores jump {pts} points",
                topic="Reading scores", np=f"{d.city} third graders post the biggest gain in a decade",
                q=f"Is phonics behind {d.city}'s reading gains?",
                pun=f"Reading between the lines: {d.city} scores jump {pts} points", quote=quote)


def ev_campus(r, d):
    college = r.choice(["Calder Community College", "Eastvale Technical Institute",
                        "Brennan College of Art"])
    amt = r.choice([38, 65, 110])
    old_use = r.choice(["department store", "printing plant", "post office"])
    p, _ = d.person()
    quote = r.choice(["Students should be able to get here on one bus",
                      "Downtown needs people after five o'clock", "We outgrew our hilltop campus"])
    text = vary(r, f'''{college} will open a ${amt} million campus in downtown {d.city} in {r.choice([2026, 2027])}, offering programs in <nursing and welding|design and software|hospitality and culinary arts>. The college expects {r.randint(8, 30)}00 students in the first year. The building will reuse a former {old_use}. "{quote}," said {p}, the college president.''')
    return dict(text=text, sv=f"{college} to open ${amt}M downtown {d.city} campus", topic=college,
                np=f"new downtown campus planned in a former {old_use}",
                q=f"Can a new campus revive downtown {d.city}?",
                pun=f"Class act: {college} heads downtown", quote=quote)


def ev_teacher_strike(r, d):
    pct = r.randint(82, 97)
    p, _ = d.person()
    quote = r.choice(["I have 36 kids and 30 desks", "Nobody becomes a teacher to go on strike",
                      "We are out of patience"])
    text = vary(r, f'''Teachers in {d.city} voted {pct} percent in favor of a strike authorization on {d.day()}, citing class sizes and pay. The district and union return to mediation next week. <Classes continue until a strike date is announced.|Parents have been told to prepare backup childcare.> "{quote}," said {p}, a seventh-grade science teacher.''')
    return dict(text=text, sv=f"{d.city} teachers authorize strike over class sizes",
                topic=f"{d.city} schools", np=f"teachers vote {pct}% to authorize a strike",
                q=f"Are {d.city} schools headed for a strike?",
                pun=f"Lesson plan: strike? {d.city} teachers authorize walkout", quote=quote)


TEAMS = {"Millbrook": "Millbrook Mariners", "Harwick": "Harwick Hornets",
         "Port Aldous": "Port Aldous Pilots", "Eastvale": "Eastvale Elks",
         "Lowther": "Lowther Lynx", "Saint-Amé": "Saint-Amé Étoiles",
         "Brennan Falls": "Brennan Falls Bears", "Greywell": "Greywell Gulls",
         "Ashgrove": "Ashgrove Owls", "New Calder": "New Calder Comets"}
OPPONENTS = ["Ridgeport Rangers", "Lakeside Lions", "Crestmoor Cougars", "Dunmore Dragons"]


def ev_title(r, d):
    team, opp = TEAMS[d.city], r.choice(OPPONENTS)
    s1, s2 = r.choice([(3, 2), (2, 1), (4, 1), (1, 0)])
    year = r.randint(1968, 2009)
    p, pl = d.person()
    quote = r.choice(["I've dreamed about this since I was six", "This one is for the city",
                      "Nobody believed in us in October"])
    text = vary(r, f'''The {team} won the regional championship on {d.day()}, beating the {opp} {s1}-{s2} in front of a sold-out crowd. {p} scored {r.choice(["twice", "once", "the opener"])}<|, including the winner late in the second half>. It is the club's first title since {year}. "{quote}," {pl} said.''')
    return dict(text=text, sv=f"{team} beat {opp} {s1}-{s2} for first title since {year}",
                topic=f"The {team}", np=f"champions at last after a {s1}-{s2} win",
                q=f"Is this the start of a {team} dynasty?",
                pun=f"Title wave: the {team} are champions", quote=quote)


def ev_coach(r, d):
    team = TEAMS[d.city]
    p, pl = d.person()
    p2, _ = d.person()
    w, l = r.choice([(9, 21), (11, 19), (7, 23)])
    quote = r.choice(["We will be the hardest-working team in the league",
                      "I didn't come here to rebuild slowly", "Defense first, always"])
    text = vary(r, f'''The {team} named {p} head coach on {d.day()}, replacing {p2}, who was fired after a {w}-{l} season. {pl}, {r.randint(38, 55)}, previously led the {r.choice(OPPONENTS)} to two playoff appearances<| and signed a three-year contract>. "{quote}," {pl} said at the introductory news conference.''')
    return dict(text=text, sv=f"{team} hire {p} as head coach", topic=f"The {team}",
                np=f"{p} takes over after a {w}-{l} season", q=f"Can {p} turn the {team} around?",
                pun=f"New whistle in town: the {team} hire {p}", quote=quote)


def ev_stadium(r, d):
    team = TEAMS[d.city]
    amt = r.choice([180, 260, 400])
    stadium = r.choice(["Riverside Park", "Memorial Field", "the Harbor Dome"])
    p, _ = d.person()
    quote = r.choice(["That money should build schools", "Keeping the team here is worth it",
                      "We were held hostage"])
    text = vary(r, f'''{d.city} and the owners of the {team} agreed on a ${amt} million plan to renovate {stadium}, with the city contributing ${amt // r.choice([2, 3, 4])} million. The deal keeps the team in {d.city} for at least {r.choice([20, 25, 30])} years. Critics said public money should go to parks and schools instead. "{quote}," said {p}, a council member who voted <no|yes>.''')
    nick = team.split()[-1]
    return dict(text=text, sv=f"{d.city} agrees ${amt}M renovation of {stadium} to keep the {nick}",
                topic=cap(stadium), np=f"${amt} million deal keeps the {nick} home",
                q=f"Should {d.city} taxpayers pay for {stadium}?",
                pun=f"Home field advantage? {d.city} pays to keep the {nick}", quote=quote)


def ev_record(r, d):
    p, pl = d.person()
    age = r.randint(15, 17)
    event = r.choice(["200-metre butterfly", "400-metre freestyle", "100-metre breaststroke"])
    quote = r.choice(["I just wanted to beat my own time", "My coach cried, so I cried",
                      "The 5 a.m. practices were worth it"])
    text = vary(r, f'''{p}, a {age}-year-old from {d.city}, set a national record in the {event} at the <junior|national> championships on {d.day()}, finishing in {r.randint(1, 4)}:{r.randint(0, 59):02d}.{r.randint(10, 99)}. The previous mark had stood since {r.randint(1998, 2016)}. {pl} trains at a public pool before school. "{quote}," {pl} said.''')
    return dict(text=text, sv=f"{d.city} teen {p} sets national {event} record", topic=p,
                np=f"a national record in the {event} at {age}",
                q=f"Is {p} {d.city}'s next Olympian?",
                pun=f"Making waves: {d.city} teen breaks the {event} record", quote=quote)


def ev_hospital(r, d):
    hospital = r.choice(["St. Brigid's Hospital", f"{d.city} General", "Lakeview Medical Center"])
    beds, hours, amt = r.choice([60, 120, 200]), r.choice([5, 7, 9]), r.choice([90, 240, 410])
    p, _ = d.person()
    quote = r.choice(["Our nurses are caring for patients in hallways",
                      "Beds are only half the answer without staff", "This is overdue"])
    text = vary(r, f'''{hospital} will add {beds} beds and a new emergency department under a ${amt} million expansion approved {d.day()}. Wait times in the current ER average {hours} hours, among the longest in the region. <Construction begins this summer.|The new wing is expected to open in three years.> "{quote}," said {p}, the hospital's chief nurse.''')
    return dict(text=text, sv=f"{hospital} to add {beds} beds and a new ER", topic=hospital,
                np=f"${amt} million expansion aims to cut {hours}-hour ER waits",
                q=f"Will {beds} new beds fix {d.city}'s ER waits?",
                pun=f"Just what the doctor ordered? {hospital} expands", quote=quote)


def ev_flu(r, d):
    n, prev = r.choice([(640, 180), (910, 240), (1200, 300)])
    p, _ = d.person()
    quote = r.choice(["It is not too late to get a shot", "Stay home if you are sick",
                      "Our clinics are at capacity"])
    text = vary(r, f'''Flu cases in {d.city} have climbed sharply, with {n:,} confirmed cases last week, up from {prev} a month ago, the county health department said {d.day()}. Officials urged residents to get vaccinated and stay home when sick. Free shots are available at {r.randint(6, 25)} pharmacies<| and the public library>. "{quote}," said {p}, the county health officer.''')
    return dict(text=text, sv=f"{d.city} flu cases surge as officials urge shots", topic="Flu season",
                np=f"{n:,} cases in a week in {d.city}", q=f"Is {d.city} in for a bad flu season?",
                pun=f"Something's going around: {d.city} flu cases climb to {n:,}", quote=quote)


def ev_clinic(r, d):
    area = r.choice(["Old Market", "Northgate", "Harbor Point", "Fenwick"])
    p, _ = d.person()
    quote = r.choice(["People were skipping care until they ended up in the ER",
                      "Nobody gets turned away", "We have more volunteers than chairs"])
    text = vary(r, f'''A free clinic for uninsured residents opens {d.day()} in {d.city}'s {area} neighbourhood, staffed largely by volunteer doctors and nursing students. The clinic will see patients <three evenings a week|on weekday evenings and Saturday mornings>. "{quote}," said {p}, a retired family physician who helped organize it.''')
    return dict(text=text, sv=f"Free clinic opens in {d.city}'s {area}", topic=area,
                np="volunteer-run free clinic opens its doors",
                q=f"Can volunteers fill {d.city}'s care gap?",
                pun=f"The doctor is in: free clinic opens in {d.city}'s {area}", quote=quote)


def ev_study(r, d):
    m, pct = r.choice([300, 500]), r.randint(12, 35)
    univ = r.choice(UNIVERSITIES)
    p, _ = d.person()
    quote = r.choice(["Parks are health infrastructure", "Distance matters more than size",
                      "People walk where walking is pleasant"])
    text = vary(r, f'''Residents of {d.city} who live within {m} metres of a park walk {pct} percent more each week than those who do not, according to a study by researchers at {univ} published {d.day()}. The team tracked {r.randint(6, 30)}00 adults for a year using step counters. "{quote}," said lead author {p}.''')
    return dict(text=text, sv=f"Living near a park means more walking, {d.city} study finds",
                topic="Study", np=f"park neighbours walk {pct}% more",
                q="Does living near a park make you healthier?",
                pun="A walk in the park: study links green space to more steps", quote=quote)


BEATS = {
    "transit": [ev_fare, ev_line, ev_strike, ev_bikes],
    "climate": [ev_heat, ev_flood, ev_emissions, ev_species],
    "tech": [ev_funding, ev_layoffs, ev_launch, ev_acquisition],
    "food": [ev_opening, ev_closure, ev_festival, ev_prices],
    "politics": [ev_budget, ev_mayor, ev_zoning, ev_resign],
    "schools": [ev_start_times, ev_scores, ev_campus, ev_teacher_strike],
    "sports": [ev_title, ev_coach, ev_stadium, ev_record],
    "health": [ev_hospital, ev_flu, ev_clinic, ev_study],
}
# A background line a reporter on the beat might add; optional, for length variety.
BEAT_EXTRAS = {
    "transit": ["Ridership has recovered to about 85 percent of its pre-pandemic level.",
                "The agency faces a separate shortfall in its maintenance budget."],
    "climate": ["Last summer was the hottest on record for the region.",
                "The state climate office publishes daily updates during extreme weather."],
    "tech": ["Venture funding in the region fell by a third last year.",
             "The city's startup scene has grown around its two universities."],
    "food": ["Restaurant openings in the city have outpaced closures for the first time since 2019.",
             "Several nearby businesses have changed hands this year."],
    "politics": ["The council meets again in two weeks.",
                 "Turnout in the last municipal election was just 31 percent."],
    "schools": ["The district serves about 24,000 students.",
                "Enrollment has declined slightly for three straight years."],
    "sports": ["Season tickets for next year go on sale next month.",
               "The league expanded to twelve teams in 2019."],
    "health": ["The county has one of the highest uninsured rates in the state.",
               "Hospital staffing remains below pre-pandemic levels."],
}


def headline(ev, form, case):
    if form == "sv":
        h = ev["sv"]
    elif form == "colon":
        h = f"{ev['topic']}: {ev['np']}"
    elif form == "q":
        h = ev["q"]
    elif form == "pun":
        h = ev["pun"]
    else:  # quote
        h = f"'{ev['quote']}': {ev['sv']}"
    return title_case(h) if case == "title" else cap(h)


def gen_lamp4(rng):
    # (beat, home city, headline form, case, share of headlines in the house style)
    users = [
        ("transit", "Millbrook", "sv", "sentence", 0.9),
        ("transit", "Harwick", "q", "title", 0.85),
        ("transit", "Eastvale", "pun", "sentence", 0.8),
        ("climate", "Port Aldous", "colon", "sentence", 0.9),
        ("climate", "Lowther", "sv", "title", 0.9),
        ("climate", "Saint-Amé", "q", "sentence", 0.8),
        ("tech", "New Calder", "sv", "title", 0.9),
        ("tech", "Millbrook", "colon", "title", 0.85),
        ("tech", "Ashgrove", "quote", "sentence", 0.8),
        ("food", "Greywell", "pun", "title", 0.85),
        ("food", "Harwick", "colon", "sentence", 0.9),
        ("food", "Saint-Amé", "q", "title", 0.8),
        ("politics", "Brennan Falls", "sv", "sentence", 0.9),
        ("politics", "Eastvale", "quote", "title", 0.85),
        ("schools", "Lowther", "colon", "sentence", 0.85),
        ("schools", "Ashgrove", "q", "sentence", 0.8),
        ("sports", "Port Aldous", "pun", "title", 0.85),
        ("sports", "New Calder", "sv", "sentence", 0.9),
        ("health", "Greywell", "colon", "title", 0.9),
        ("health", "Brennan Falls", None, None, 0.0),  # no house style: the hard case
    ]
    forms = ["sv", "colon", "q", "pun", "quote"]
    ids = Ids(4)
    sizes = profile_sizes(rng)
    questions, golds = [], []

    def story(beat, city, form, case, loyalty):
        d = Desk(rng, city)
        ev = rng.choice(BEATS[beat])(rng, d)
        text = ev["text"]
        if rng.random() < 0.3:
            text += " " + rng.choice(BEAT_EXTRAS[beat])
        if form is None or rng.random() >= loyalty:
            form, case = rng.choice(forms), rng.choice(["sentence", "title"])
        if form != "quote" and rng.random() < 0.15:  # a short wire brief: two sentences only
            text = " ".join(re.split(r"(?<=[.!?\"]) (?=[A-Z\"])", text)[:2])
        return tidy(text), headline(ev, form, case)

    def mutate(r, item):  # the same story re-filed with a correction note
        item["text"] = item["text"] + r.choice([
            " This story has been updated with additional comment.",
            " An earlier version of this article misstated a figure."])
        return item

    for u, (beat, city, form, case, loyalty) in enumerate(users):
        n_dups = rng.choice([0, 1, 2]) if sizes[u] >= 14 else 0
        dated = rng.random() < 0.35
        items, seen = [], set()
        for _ in range(sizes[u] - n_dups):
            text, title = fresh(lambda: story(beat, city, form, case, loyalty), seen, first, second)
            item = {"text": text, "title": title, "id": ids.item()}
            if dated and rng.random() < 0.4:
                item["date"] = f"{rng.randint(2016, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            items.append(item)
        add_near_duplicates(rng, items, n_dups, mutate, ids)
        items = [order_item(i, ["text", "title", "date", "id"]) for i in items]
        text, title = fresh(lambda: story(beat, city, form, case, 1.0), seen, first, second)
        qid = ids.question(u)
        questions.append({"id": qid, "input": TEMPLATES[4].format(text=text), "profile": items})
        golds.append({"id": qid, "output": title})
    return questions, golds


# ----------------------------------------------------------------------------------------------
# LaMP-7: tweet paraphrasing.  Templates hold [tweet wording|neutral wording] pairs: the gold is
# the left side run through the user's voice; the input is the right side, plainly punctuated.

TWEET_SLOTS = {
    "dist": ["5k", "10k", "a half marathon", "20 miles"],
    "route": ["river", "park", "canal", "hill"],
    "time": ["42:17", "23:58", "1:51:09", "19:44"],
    "race": ["spring half marathon", "city 10k", "trail ultra in October"],
    "n": ["6", "8", "13", "4"],
    "dish": ["ramen", "lasagna", "dumplings", "shakshuka", "banana bread", "chili", "pad thai",
             "crème brûlée"],
    "cuisine": ["Ethiopian", "Georgian", "Peruvian", "Sichuan", "Korean", "Lebanese"],
    "street": ["Queen Street", "Mill Lane", "Canal Street", "Station Road"],
    "line": ["Green Line", "Route 9", "crosstown tram", "night bus"],
    "feature": ["dark mode", "the new search page", "offline sync", "the billing dashboard"],
    "hours": ["two", "three", "six"],
    "temp": ["34", "36", "38"],
    "month": ["March", "October", "November", "February"],
    "place": ["Lisbon", "the Highlands", "Kyoto", "Montréal"],
    "book": ["The Salt Orchard", "A Map of Quiet Rooms", "Nine Lanterns", "The Glass Meridian",
             "Winter at Lake Oren", "The Last Cartographer"],
    "veg": ["tomatoes", "courgettes", "beans", "strawberries", "peppers"],
    "flower": ["tulip", "daffodil", "allium", "crocus"],
    "kg": ["2", "3.5", "5"],
    "game": ["Hollow Tide", "Starforge", "Lantern Keep", "Circuit Breakers", "Moss & Iron"],
    "city": ["Leeds", "Montréal", "Lyon", "Osaka", "Glasgow", "Porto"],
    "roaster": ["a tiny roaster in Lyon", "Harbor Coffee", "a friend's roastery"],
    "airport": ["Frankfurt", "Doha", "Reykjavík", "Chicago"],
    "venue": ["the spring symposium in Vienna", "a workshop in Kyoto",
              "the Nordic geography meeting"],
    "topic": ["coastal erosion", "urban heat", "bilingual language acquisition",
              "soil microbiomes", "medieval trade routes"],
    "org": ["the Harwick Historical Society", "the city library", "our colleagues in Zürich"],
    "facility": ["central library", "Eastside pool", "recycling centre", "Millbrook community centre"],
    "issue": ["the new cycle routes", "the park redevelopment", "winter gritting routes"],
    "weekday": ["Monday", "Saturday", "Friday"],
    "tool": ["webpack", "CMake", "a flaky test", "Kubernetes YAML", "timezones"],
    "lang": ["Rust", "Go", "Zig"],
    "lines": ["2,000", "4,300", "12,000"],
    "fieldtrip": ["science museum", "aquarium", "botanical garden"],
    "essays": ["28", "56", "90"],
}

TWEET_TOPICS = {
    "running": [
        "[finally hit|At last I reached] {dist} [this morning|earlier today] [and my legs are toast|and my legs are extremely tired]",
        "[new PR on the {route} loop today|I set a personal best on the {route} route today]: {time}",
        "[rain or shine, the|Regardless of the weather, the] [run club showed up|running club came out] [this morning|today]",
        "[signed up for the {race}|I registered for the {race}], [no going back now|so there is no turning back]",
        "[{n} miles before work|I ran {n} miles before starting work] [and i feel unstoppable|and I feel great]",
        "[my watch died at {dist}|My watch battery ran out at {dist}] [so that run didn't happen i guess|so I suppose the run does not count]",
        "[ice bath after the long run|I took an ice bath after my long run] [. never again|and will not do that again]",
        "[rest day and i already miss running|It is a rest day and I already miss running]",
        "[legs: dead. spirit: alive.|My legs are exhausted but I am in good spirits.]",
        "[tempo run in the {route} fog this morning|I did a tempo run in the fog along the {route} route this morning]",
        "[race bib for the {race} just arrived|My race number for the {race} has arrived]",
    ],
    "food": [
        "[made {dish} from scratch tonight|I made {dish} from scratch this evening] [and honestly it slapped|and it turned out really well]",
        "[the new {cuisine} place on {street} is unreal|There is a new {cuisine} restaurant on {street} and it is excellent]",
        "[burnt the {dish} again|I burned the {dish} once again]. [ordering pizza|I am ordering pizza instead]",
        "[meal prep sunday: {dish} for the whole week|I spent Sunday preparing {dish} for the entire week]",
        "[hot take|Unpopular opinion]: [pineapple belongs on pizza|pineapple is a good pizza topping]",
        "[tried {cuisine} food for the first time and wow|I tried {cuisine} cuisine for the first time and was very impressed]",
        "[grandma's {dish} recipe still hits different|My grandmother's {dish} recipe is still the best]",
        "[3am cravings: {dish}|I am craving {dish} at three in the morning]",
        "[the farmers market had {veg} today, dinner is sorted|The farmers market had {veg} today, so dinner is planned]",
        "[accidentally made enough {dish} for twelve people|I accidentally cooked enough {dish} for twelve people]",
    ],
    "commute": [
        "[the {line} is delayed again, love that for me|The {line} is running late again, which is just what I needed]",
        "[45 minutes waiting for a bus that never came|I waited forty-five minutes for a bus that never arrived]",
        "[someone on the train is eating a whole rotisserie chicken|A passenger on my train is eating an entire rotisserie chicken]",
        "[bike lane blocked by a delivery van again|The bike lane is blocked by another delivery van]",
        "[shoutout to the bus driver who waited for me this morning|Thank you to the bus driver who waited for me today]",
        "[rain + no umbrella + late train = great start to the week|Rain, no umbrella and a late train made for a poor start to the week]",
        "[traffic on {street} is a parking lot rn|Traffic on {street} is completely stopped right now]",
        "[missed the {line} by 10 seconds. classic|I missed the {line} by ten seconds, as usual]",
        "[the {line} smells like wet dog today|The {line} has an unpleasant wet dog smell today]",
    ],
    "work": [
        "[another meeting that could have been an email|I attended another meeting that could have been an email]",
        "[shipped {feature} today after way too many late nights|We released {feature} this afternoon after many late nights]",
        "[the printer is jammed again and it's only 9am|The office printer is jammed once more and it is only nine in the morning]",
        "[inbox zero for about 4 minutes|I reached an empty inbox for roughly four minutes]",
        "[new job starts monday and i'm nervous|I start my new job on Monday and I am a little nervous]",
        "[coffee number three and it's not even lunch|I am on my third coffee and it is not lunchtime yet]",
        "[spent {hours} hours debugging and it was a typo|I spent {hours} hours tracking down a bug and the cause was a typo]",
        "[out of office until {weekday}, do not @ me|I am away from the office until {weekday}, so please do not contact me]",
        "[standup went 40 minutes|The daily standup meeting lasted forty minutes]",
    ],
    "weather": [
        "[it's {temp}°C and i am melting|It is {temp} degrees Celsius and I am far too hot]",
        "[first snow of the year and the whole street is out|The first snow of the season fell today, and all the neighbours came outside]",
        "[thunderstorm at 3am and the dog is NOT ok|A thunderstorm woke me at 3am and the dog is very upset]",
        "[forecast said sunny. it is pouring|The forecast promised sun, but it is raining heavily]",
        "[{month} in {place} and it feels like summer|It is {month} in {place} and the weather feels like summer]",
        "[humidity at 90% and my hair has given up|The humidity is at ninety percent and my hair is a mess]",
        "[rainbow over the harbor right now|There is a rainbow over the harbor at the moment]",
        "[wind so strong my umbrella is gone|The wind was so strong that I lost my umbrella]",
        "[fog so thick i can't see the harbor|The fog is so thick that I cannot see the harbor]",
    ],
    "books": [
        "[just finished {book} and i need to talk about it|I just finished reading {book} and I want to discuss it with someone]",
        "[book club picked {book} for next month|My book club chose {book} for next month's meeting]",
        "[read {n} books in {month}, a personal record|I read {n} books during {month}, which is a personal record]",
        "[the library hold for {book} finally came through|My library hold for {book} is finally available]",
        "[currently reading {book} — no spoilers please|I am currently reading {book}, so please do not share spoilers]",
        "[bookstore haul: {n} new books, zero regrets|I bought {n} new books today and I have no regrets]",
        "[the ending of {book} wrecked me|The ending of {book} left me devastated]",
        "[reading slump is over thanks to {book}|{book} ended my reading slump]",
        "[annotating {book} like it's homework|I am making notes in {book} as if it were homework]",
    ],
    "garden": [
        "[first {veg} of the season are in|I harvested the first {veg} of the season]",
        "[the slugs ate all my lettuce overnight|Slugs ate all of my lettuce during the night]",
        "[planted {n} dozen {flower} bulbs today, see you in spring|I planted {n} dozen {flower} bulbs this afternoon and they should bloom in spring]",
        "[compost pile is finally cooking|My compost pile is finally heating up]",
        "[rain barrel is full and i feel rich|My rain barrel is full, which makes me very happy]",
        "[harvest today: {kg} kg of {veg}|I harvested {kg} kilograms of {veg} today]",
        "[repotted the monstera and it already looks happier|I repotted my monstera plant and it already looks healthier]",
        "[the {flower}s are up|The {flower}s have started to come up]",
        "[frost warning tonight, covering everything|There is a frost warning tonight, so I am covering all my plants]",
    ],
    "gaming": [
        "[finally beat the last boss in {game} after {n} tries|I finally defeated the final boss in {game} after {n} attempts]",
        "[{game} patch notes dropped and they nerfed my main|The patch notes for {game} are out and my favourite character was weakened]",
        "[ranked was pain tonight|Ranked matches were frustrating tonight]",
        "[one more match, said me at 11pm|I said I would play one more match at 11pm, and I kept going]",
        "[new PB on {game} by {n} seconds|I set a new personal best in {game} by {n} seconds]",
        "[co-op night with the squad|I am playing co-op games tonight with my friends]",
        "[backlog is {n} games deep and i bought another one|My backlog has {n} unplayed games and I just bought another]",
        "[controller drift is ruining my life|My controller has stick drift and it is very annoying]",
        "[100% completion on {game}, time to touch grass|I completed everything in {game}, so it is time to go outside]",
    ],
    "music": [
        "[soundcheck done, doors at 8 in {city}|Soundcheck is finished and doors open at 8pm in {city}]",
        "[new single out friday|Our new single will be released on Friday]",
        "[broke a string mid-solo tonight|I broke a string in the middle of a solo tonight]",
        "[thank you {city}, you were LOUD|Thank you to everyone in {city}, you were a fantastic crowd]",
        "[van broke down outside {city}, show must go on|Our van broke down near {city}, but the show will go ahead]",
        "[writing new songs all week|I am writing new songs this week]",
        "[vinyl is back on the merch page|The vinyl records are back in stock in our online shop]",
        "[setlist for tonight is locked|Tonight's setlist is finalised]",
        "[rehearsal ran till 2am|Rehearsal lasted until two in the morning]",
    ],
    "parenting": [
        "[the toddler just said her first full sentence|My toddler has just said her first complete sentence]",
        "[3 hours of sleep and a teething baby. send coffee|I got three hours of sleep with a teething baby, so please send coffee]",
        "[school pickup line is a competitive sport|The school pickup line is extremely competitive]",
        "[kid asked why the sky is blue and i panicked|My child asked why the sky is blue and I did not know what to say]",
        "[stepping on lego should be a crime|Stepping on Lego should be illegal]",
        "[first day of school and i cried more than he did|It was the first day of school and I cried more than my son did]",
        "[bedtime took 90 minutes tonight|Bedtime took an hour and a half this evening]",
        "[the baby slept through the night. i don't trust it|The baby slept through the whole night and I am suspicious]",
        "[found a sock in the fridge. no further questions|I found a sock in the refrigerator and I do not want to know why]",
    ],
    "coffee": [
        "[new beans from {roaster} and they taste like blueberries|I got new beans from {roaster} that have a blueberry flavour]",
        "[pour-over sunday|Sunday is my pour-over coffee day]",
        "[finally dialed in the espresso|At last I adjusted my espresso grind correctly]",
        "[decaf is a lie|Decaf coffee is not worth drinking]",
        "[the café on {street} does the best flat white in town|The café on {street} makes the best flat white in town]",
        "[third espresso and it's 10am|I am drinking my third espresso at ten in the morning]",
        "[cold brew season is officially open|It is now the season for cold brew coffee]",
        "[spilled the entire french press on my keyboard|I spilled a whole French press of coffee on my keyboard]",
        "[the barista remembered my order|The barista remembered what I usually order]",
    ],
    "travel": [
        "[landed in {city} and they already lost my luggage|I just arrived in {city} and the airline has already lost my luggage]",
        "[{hours}-hour layover in {airport}, send snacks|I have a {hours}-hour layover in {airport}, so please send snacks]",
        "[sunrise from the train to {city}|I watched the sunrise from the train to {city}]",
        "[passport renewed, where to next|My passport has been renewed, so where should I go next]",
        "[hostel roommate snores like a chainsaw|My hostel roommate snores like a power tool]",
        "[street food tour in {city} and i'm never eating again|I did a street food tour in {city} and I am completely full]",
        "[window seat secured|I managed to get a window seat]",
        "[night train to {city} was worth it|Taking the night train to {city} was worth it]",
    ],
    "teaching": [
        "[my students crushed the fractions quiz today|My students did very well on today's fractions quiz]",
        "[grading {essays} essays this weekend|I am grading {essays} essays over the weekend]",
        "[field trip to the {fieldtrip} today, zero kids lost|We went on a field trip to the {fieldtrip} today and no children got lost]",
        "[a student said my class is their favourite|One of my students told me that my class is their favourite]",
        "[parent-teacher conferences all evening|Parent-teacher conferences lasted all evening]",
        "[science fair projects are incredible this year|The science fair projects are excellent this year]",
        "[snow day tomorrow and the kids are vibrating|There is a snow day tomorrow and the children are very excited]",
        "[someone glued the markers shut again|Someone glued the markers closed once again]",
    ],
    "dev": [
        "[spent all day fighting {tool}|I spent the whole day struggling with {tool}]",
        "[rewrote it in {lang} and it's 3x faster|I rewrote the service in {lang} and it now runs three times faster]",
        "[tabs vs spaces came up in code review again|The tabs versus spaces debate came up again during code review]",
        "[deleted {lines} lines of dead code today|I deleted {lines} lines of unused code today]",
        "[CI is red and nobody knows why|The build pipeline is failing and nobody knows the reason]",
        "[works on my machine|The code works on my own computer]",
        "[it's always DNS|The problem turned out to be DNS, as usual]",
        "[merged the PR for {feature} after 140 comments|I merged the pull request for {feature} after 140 review comments]",
    ],
    "academic": [
        "[Delighted to share that our paper on {topic} has been accepted at {venue}.|I am happy to announce that our paper about {topic} was accepted to {venue}.]",
        "[Our lab is hiring a postdoc in {topic}. Applications close at the end of {month}.|My lab has an open postdoc position in {topic}, and the deadline is the end of {month}.]",
        "[Thank you to {org} for the invitation to speak on {topic}.|Thanks to {org} for inviting me to give a talk about {topic}.]",
        "[New preprint on {topic}. Comments are most welcome.|We have posted a new preprint about {topic} and would like feedback.]",
        "[Reviewing season is upon us. Please be kind to first-time authors.|It is peer review season again, so please be kind to people submitting for the first time.]",
        "[A reminder that office hours are cancelled this week.|Just a note that there are no office hours this week.]",
        "[Our department seminar this {weekday} will discuss {topic}. All are welcome.|This {weekday} the department seminar is about {topic}, and anyone can attend.]",
        "[Grateful to the students in my {topic} course for a wonderful term.|I want to thank the students in my {topic} class for a great semester.]",
    ],
    "civic": [
        "[The {facility} will be closed on {weekday} for maintenance. We apologise for the inconvenience.|The {facility} is closed on {weekday} because of maintenance work.]",
        "[Residents are invited to a public consultation on {issue} this {weekday}.|Everyone is welcome at a public meeting about {issue} this {weekday}.]",
        "[Reminder: bulk waste collection resumes next week.|Bulk trash pickup starts again next week.]",
        "[We are pleased to announce extended opening hours at the {facility}.|The {facility} will now be open for longer hours.]",
        "[Thank you to all the volunteers who joined today's river clean-up.|Thanks to everyone who volunteered at the river cleanup today.]",
        "[Please note that road works on {street} begin on {weekday}.|Road works on {street} start on {weekday}.]",
        "[Free tree saplings are available at the {facility} while stocks last.|The {facility} is giving away free young trees until they run out.]",
    ],
}

_PAIR = re.compile(r"\[([^\[\]|]*)\|([^\[\]]*)\]")


def resolve_pairs(text, side):
    return _PAIR.sub(lambda m: m.group(1 if side == 0 else 2), text)


SLANG = [("to be honest", "tbh"), (" right now", " rn"), (" with ", " w/ "), ("going to", "gonna"),
         (" you ", " u "), ("because", "bc")]
CJK_TAGS = {"food": ["好吃！", "美味しかった"], "travel": ["旅行中", "一路顺风"],
            "coffee": ["咖啡时间 ☕", "今日も一杯"], "weather": ["好热啊", "雨の日"]}


def voice(rng, text, persona, topic):
    v = persona["voice"]
    t = text.strip()
    if "lower" in v:
        t = t.lower()
        for a, b in SLANG:
            if rng.random() < 0.5:
                t = t.replace(a, b)
        t = t.rstrip(".")
    else:
        t = re.sub(r"\bi\b", "I", t)
        t = re.sub(r"\bi'(m|ve|ll|d)\b", r"I'\1", t)
        t = re.sub(r"([.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), t)
        t = cap(t)
    if "nopunct" in v:
        t = re.sub(r"[.,;!?](?!\d)", "", t)
    if "caps" in v:
        words = t.split()
        long_ones = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
        for i in rng.sample(long_ones, min(len(long_ones), rng.choice([1, 1, 2]))):
            words[i] = words[i].upper()
        t = " ".join(words)
    if "allcaps" in v:
        t = t.upper()
    if "exclaim" in v:
        t = t.rstrip(".!") + rng.choice(["!", "!!", "!!!"])
    if "emdash" in v and ", " in t:
        t = t.replace(", ", " — ", 1)
    if "formal" in v and not t.endswith((".", "?", "!")):
        t += "."
    if "ellipsis" in v:
        t = t.rstrip(".!") + "..."
    if "mention" in v and rng.random() < 0.6:
        handle = rng.choice(persona["handles"])
        t = f"{handle} {t}" if rng.random() < 0.5 else f"{t} w/ {handle}"
    if "cjk" in v and topic in CJK_TAGS and rng.random() < 0.7:
        t = f"{t} {rng.choice(CJK_TAGS[topic])}"
    if "emoji" in v and rng.random() < persona.get("emoji_rate", 0.85):
        pool = persona["emoji"]
        if isinstance(pool, dict):
            pool = pool.get(topic, []) + pool.get("*", [])
        t = f"{t} {''.join(rng.sample(pool, min(len(pool), rng.choice([1, 1, 2]))))}"
    if "hashtags" in v and rng.random() < persona.get("tag_rate", 0.85):
        tags = persona["tags"].get(topic, []) + persona["tags"].get("*", [])
        if tags:
            t = f"{t} {' '.join(rng.sample(tags, min(len(tags), rng.choice([1, 2, 2, 3]))))}"
    return tidy(t)


def neutral(text):
    t = cap(tidy(text))
    if not t.endswith((".", "?", "!")):
        t += "?" if t.lower().startswith(("where ", "what ", "who ")) or "where should" in t else "."
    return t


def gen_lamp7(rng):
    users = [
        dict(topics=["running", "coffee"], voice=["lower", "emoji"],
             emoji={"running": ["🏃‍♀️", "💨", "😮‍💨"], "coffee": ["☕", "🫘"]}),
        dict(topics=["food", "travel"], voice=["emoji", "cjk"],
             emoji={"food": ["🍜", "🥟", "😋"], "travel": ["✈️", "🧳", "🌅"]}),
        dict(topics=["work", "dev"], voice=["hashtags"],
             tags={"*": ["#productivity", "#worklife"], "dev": ["#devlife", "#100DaysOfCode"]}),
        dict(topics=["academic"], voice=["formal"]),
        dict(topics=["teaching"], voice=["exclaim", "hashtags"],
             tags={"*": ["#teacherlife", "#proudteacher", "#edchat"]}, tag_rate=0.7),
        dict(topics=["gaming"], voice=["lower", "mention"],
             handles=["@kai_plays", "@mossy_mia", "@the_squad_gg"]),
        dict(topics=["commute", "weather"], voice=["lower"]),
        dict(topics=["garden", "weather"], voice=["exclaim", "emoji", "hashtags"],
             emoji={"garden": ["🌱", "🌻", "🍅", "🐌"], "weather": ["🌦️", "☀️"]}, tags={"*": ["#gardening", "#growyourown"]},
             tag_rate=0.6),
        dict(topics=["books", "coffee"], voice=["emdash", "emoji"],
             emoji={"books": ["📚"], "coffee": ["☕"]},
             emoji_rate=0.4),
        dict(topics=["parenting", "coffee"], voice=["lower", "ellipsis"]),
        dict(topics=["dev"], voice=["lower", "emoji"], emoji=["🙃", "🔥", "🚀"], emoji_rate=0.5),
        dict(topics=["music", "travel"], voice=["exclaim", "mention"],
             handles=["@thevelvetroom", "@drummer_jo", "@lowtide_band"]),
        dict(topics=["weather"], voice=["caps", "emoji"], emoji=["⛈️", "🌡️", "🌈", "❄️"]),
        dict(topics=["civic"], voice=["formal"]),
        dict(topics=["travel", "food", "coffee"], voice=["cjk", "hashtags"],
             tags={"*": ["#travel"], "food": ["#foodie"], "coffee": ["#coffeetime"]}),
        dict(topics=["coffee", "running", "books"], voice=["lower", "nopunct"]),
        dict(topics=["gaming", "music"], voice=["allcaps", "exclaim", "emoji"],
             emoji={"gaming": ["🎮", "🔥"], "music": ["🎸", "🔥", "🤘"]}),
        dict(topics=["running", "food"], voice=["exclaim", "emoji", "hashtags"],
             emoji={"running": ["💪", "🙌"], "food": ["🥗", "🍝"]},
             tags={"running": ["#running", "#marathontraining"], "food": ["#fuel"]}),
        dict(topics=["travel", "books"], voice=["emoji", "hashtags"],
             emoji={"travel": ["✈️", "🌍", "📸"], "books": ["📖"]},
             tags={"*": ["#wanderlust"], "travel": ["#travelgram"]}, tag_rate=0.5),
        dict(topics=["work", "commute", "weather", "books"], voice=None),  # no fixed voice: hard
    ]
    optional = ["lower", "emoji", "hashtags", "exclaim", "mention", "caps"]
    ids = Ids(7)
    sizes = profile_sizes(rng)
    questions, golds = [], []

    def tweet(persona):
        topic = rng.choice(persona["topics"])
        templates = [rng.choice(TWEET_TOPICS[topic])]
        if rng.random() < 0.2:  # two thoughts in one tweet
            templates.append(rng.choice([t for t in TWEET_TOPICS[topic] if t != templates[0]]))
        said, plain = [], []
        for template in templates:
            filled = template.format(**{k: rng.choice(v) for k, v in TWEET_SLOTS.items()})
            said.append(resolve_pairs(filled, 0).rstrip("."))
            plain.append(neutral(resolve_pairs(filled, 1)))
        p = persona
        if p["voice"] is None:
            p = dict(voice=rng.sample(optional, 2), emoji=["😅", "👀", "✨"],
                     tags={"*": ["#mondays", "#life"]}, handles=["@sam_w", "@nadia.k"])
        return voice(rng, ". ".join(said), p, topic), " ".join(plain)

    def mutate_for(persona):
        formal = persona["voice"] and "formal" in persona["voice"]

        def mutate(r, item):  # the same tweet posted twice, second time with a small edit
            extra = [" (Reposting for visibility.)"] if formal else [" (again)", " lol", " 🙏",
                                                                      " — round two"]
            item["text"] = item["text"] + r.choice(extra)
            return item
        return mutate

    for u, persona in enumerate(users):
        n_dups = rng.choice([0, 1, 2]) if sizes[u] >= 14 else 0
        items, seen = [], set()
        for _ in range(sizes[u] - n_dups):
            text, _ = fresh(lambda: tweet(persona), seen, first, second)
            items.append({"text": text, "id": ids.item()})
        add_near_duplicates(rng, items, n_dups, mutate_for(persona), ids)
        gold, para = fresh(lambda: tweet(persona), seen, first, second)
        qid = ids.question(u)
        questions.append({"id": qid, "input": TEMPLATES[7].format(text=para), "profile": items})
        golds.append({"id": qid, "output": gold})
    return questions, golds


# ----------------------------------------------------------------------------------------------
# Output and validation

GENERATORS = {1: gen_lamp1, 2: gen_lamp2, 3: gen_lamp3, 4: gen_lamp4, 5: gen_lamp5, 7: gen_lamp7}

# ----------------------------------------------------------------------------------------------
# Contrast users: appended after each task's 20, so the demo shows R2P wrong where a baseline is
# right, and the reverse. Each is a copy of an earlier user (same query, same habitual profile)
# plus two near-copies of the query's own text ("the same film logged twice") whose output goes
# against the habit. Retrieval ranks the near-copies first by far: a reader that weighs items by
# retrieval score follows them, a reader that counts the top k (LaMP's prompt shows no scores)
# follows the habit. "decoy" users keep the habitual gold (the near-copies mislead); "twin" users
# take the near-copies' output as gold (the habit misleads).

# (kind, source user, decoy output); the decoy output of generation tasks is a style name.
CONTRAST = {
    1: [("decoy", 1, None), ("decoy", 13, None), ("twin", 2, None), ("twin", 14, None)],
    2: [("decoy", 0, "comedy"), ("decoy", 3, "romance"), ("twin", 1, "classic"),
        ("twin", 4, "action")],
    3: [("decoy", 0, None), ("decoy", 5, None), ("twin", 2, None), ("twin", 7, None)],
    4: [("decoy", 0, "long"), ("decoy", 3, "long"), ("decoy", 6, "long")],
    5: [("decoy", 0, "long"), ("decoy", 2, "long"), ("decoy", 5, "long")],
    7: [("decoy", 0, "long"), ("decoy", 4, "long"), ("decoy", 8, "long")],
}


def _sentences(text):
    return [x for x in re.split(r"(?<=[.!?]) (?=[A-Z0-9\"])", text) if x]


def _near_copies(text):
    """Two copies of `text`: the same words, and with its sentences in reverse order."""
    parts = _sentences(text)
    if len(parts) >= 2:
        return text, " ".join(reversed(parts))
    words = text.split()
    return text, " ".join(words[len(words) // 2:] + words[:len(words) // 2])


def _query_text(task, question):
    inp = question["input"]
    if task == 1:
        return re.findall(r'"([^"]+)"', inp)
    marker = {2: "description: ", 3: "review: ", 4: "article: "}.get(task)
    if marker:
        return inp.split(marker, 1)[1]
    return inp.split(": ", 1)[1]


def _long_output(task, text):
    """An output far longer than the user's habit: the text's first sentence, whole."""
    first = _sentences(text)[0].rstrip(".")
    words = first.split()
    if task == 7:
        return text
    return " ".join(words[:24])


def contrast_users(task, rng, questions, golds):
    out_q, out_g = [], []
    next_item = [9000]

    def item_id():
        next_item[0] += 1
        return f"{task}{next_item[0]}"

    for n, (kind, src, decoy) in enumerate(CONTRAST[task]):
        q, gold = questions[src], golds[src]["output"]
        profile = [dict(it, id=item_id()) for it in q["profile"]]
        text = _query_text(task, q)
        new_gold = gold
        decoys = []
        if task == 1:
            title, ref1, ref2 = text
            right, wrong = (ref1, ref2) if gold == "[1]" else (ref2, ref1)
            # Twin: the author wrote notes on the far reference's topic, and cites it; decoy:
            # the same notes, but the author still cites the near reference.
            # Two notes on four of the far reference's longest words: retrieval ranks them
            # first by far (rare words, said three times), yet they share only those four
            # words with it, fewer than the user's own papers share with the near reference.
            words = sorted(set(re.findall(r"[A-Za-z]{4,}", wrong)), key=lambda w: (-len(w), w))[:4]
            phrase = " ".join(words)
            for lead in ("Notes on", "More notes on"):
                decoys.append({"title": f"{lead} {phrase}",
                               "abstract": f"On {phrase}. Again {phrase}. Once more {phrase}."})
            if kind == "twin":
                new_gold = "[2]" if gold == "[1]" else "[1]"
        elif task == 2:
            for copy in _near_copies(text):
                decoys.append({"tag": decoy, "description": copy})
            if kind == "twin":
                new_gold = decoy
        elif task == 3:
            habit = int(gold)
            far = "1" if habit >= 3 else "5"
            for copy in _near_copies(text):
                decoys.append({"text": copy, "score": far})
            if kind == "twin":
                new_gold = far
        elif task in (4, 5):
            long_title = tidy(_long_output(task, text))
            for copy in _near_copies(text):
                if task == 4:
                    decoys.append({"text": copy, "title": long_title})
                else:
                    decoys.append({"title": long_title, "abstract": copy})
        elif task == 7:
            for copy in _near_copies(text):
                decoys.append({"text": copy + " " + text})
        del profile[MAX_ITEMS - len(decoys):]
        for d in decoys:
            d["id"] = item_id()
            profile.insert(rng.randint(0, len(profile)), order_item(d, list(d.keys())))
        qid = f"{task}{100 + len(questions) + n}"
        out_q.append({"id": qid, "input": q["input"], "profile": profile})
        out_g.append({"id": qid, "output": new_gold})
    return out_q, out_g
LABELS = {1: {"[1]", "[2]"}, 2: set(LAMP2_TAGS), 3: {"1", "2", "3", "4", "5"}}
ITEM_FIELDS = {1: ("title", "abstract"), 2: ("tag", "description"), 3: ("text", "score"),
               4: ("text", "title"), 5: ("title", "abstract"), 7: ("text",)}
INPUT_PREFIX = {1: "For an author who has written the paper with the title \"",
                2: "Which tag does this movie relate to among the following tags?",
                3: "What is the score of the following review on a scale of 1 to 5?",
                4: "Generate a headline for the following article: ",
                5: "Generate a title for the following abstract of a paper: ",
                7: "Paraphrase the following tweet without any explanation before or after it: "}


def task_dir(task):
    return OUT_DIR / f"LaMP-{task}"


def write_json(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, ensure_ascii=False)
        f.write("\n")


def validate(task):
    """Checks one task's files; returns a summary line or raises AssertionError."""
    qpath, opath = task_dir(task) / "dev_questions.json", task_dir(task) / "dev_outputs.json"
    with open(qpath, encoding="utf-8") as f:
        questions = json.load(f)
    with open(opath, encoding="utf-8") as f:
        outputs = json.load(f)
    assert isinstance(questions, list) and len(questions) == USERS + len(CONTRAST[task]), qpath
    assert outputs.get("task") == f"LaMP_{task}", opath
    golds = outputs["golds"]
    assert [g["id"] for g in golds] == [q["id"] for q in questions], "gold ids/order differ"
    item_ids, sizes = set(), []
    for q in questions:
        assert set(q) == {"id", "input", "profile"}, q.keys()
        assert isinstance(q["id"], str) and q["id"].isdigit(), q["id"]
        assert q["input"].startswith(INPUT_PREFIX[task]), q["input"][:80]
        assert MIN_ITEMS <= len(q["profile"]) <= MAX_ITEMS, (q["id"], len(q["profile"]))
        sizes.append(len(q["profile"]))
        for item in q["profile"]:
            assert isinstance(item["id"], str) and item["id"].isdigit(), item
            assert item["id"] not in item_ids, f"duplicate item id {item['id']}"
            item_ids.add(item["id"])
            for key in ITEM_FIELDS[task]:
                assert isinstance(item.get(key), str) and item[key], (item["id"], key)
            if task == 3:
                assert item["score"] in LABELS[3], item
            if task == 2:
                assert item["tag"] in LABELS[2], item
        if task == 1:
            m = re.fullmatch(re.escape(TEMPLATES[1]).replace(r"\{title\}", '([^"]+)')
                             .replace(r"\{ref1\}", '([^"]+)').replace(r"\{ref2\}", '([^"]+)'),
                             q["input"])
            assert m, q["input"]
    for g in golds:
        assert isinstance(g["output"], str) and g["output"].strip(), g
        if task in LABELS:
            assert g["output"] in LABELS[task], g
    if task == 1:
        assert {g["output"] for g in golds} == LABELS[1], "LaMP-1 golds should mix [1] and [2]"
    qbytes, obytes = qpath.stat().st_size, opath.stat().st_size
    assert qbytes < 1_000_000, f"{qpath} is {qbytes} bytes"
    dist = ""
    if task in LABELS:
        counts = {}
        for g in golds:
            counts[g["output"]] = counts.get(g["output"], 0) + 1
        dist = "  golds: " + ", ".join(f"{k}×{v}" for k, v in sorted(counts.items()))
    return (f"LaMP-{task}: {len(questions)} users, profile min/median/max "
            f"{min(sizes)}/{statistics.median(sizes):g}/{max(sizes)} ({sum(sizes)} items), "
            f"questions {qbytes:,} B, outputs {obytes:,} B{dist}")


def main(argv):
    check_only = "--check" in argv
    if not check_only:
        for task, gen in GENERATORS.items():
            rng = random.Random(SEED * 10 + task)
            questions, golds = gen(rng)
            more_q, more_g = contrast_users(task, random.Random(SEED * 100 + task), questions,
                                            golds)
            questions, golds = questions + more_q, golds + more_g
            write_json(task_dir(task) / "dev_questions.json", questions)
            write_json(task_dir(task) / "dev_outputs.json", {"task": f"LaMP_{task}", "golds": golds})
    ok = True
    for task in GENERATORS:
        try:
            print(validate(task))
        except (AssertionError, KeyError, OSError, json.JSONDecodeError) as e:
            ok = False
            print(f"LaMP-{task}: INVALID: {e}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

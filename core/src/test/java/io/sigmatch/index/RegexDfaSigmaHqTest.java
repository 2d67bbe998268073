package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code |re} value of the active SigmaHQ rules: how many {@link RegexDfa} accepts, and,
 * for each accepted one, the same answer as RE2/J on texts derived from the regex (its literal
 * runs, joined, cut, case-flipped) and on real ASCII values from the shared Windows events.
 */
class RegexDfaSigmaHqTest {
    private static final int EVENT_LINES_PER_FILE = 40;
    private static final int LONGEST_VALUES = 250;
    private static final int OTHER_VALUES = 250;
    private static final int DERIVED_TEXTS = 60;
    private static final java.util.regex.Pattern LITERAL_RUN = java.util.regex.Pattern.compile("[A-Za-z0-9_ ]{2,}");

    record Regex(String regex, int flags) {
    }

    @Test
    void acceptsMostSigmaHqRegexesAndFindsWhatRe2Finds() throws IOException {
        Set<Regex> regexes = sigmaHqRegexes();
        List<String> values = eventValues();
        int accepted = 0;
        long texts = 0;
        long found = 0;
        List<String> rejected = new ArrayList<>();
        for (Regex r : regexes) {
            RegexDfa dfa = RegexDfa.compile(r.regex(), r.flags());
            if (dfa == null) {
                rejected.add(r.regex());
                continue;
            }
            accepted++;
            Pattern pattern = Pattern.compile(r.regex(), r.flags());
            List<String> all = new ArrayList<>(derivedTexts(r.regex()));
            all.addAll(values);
            for (String text : all) {
                boolean expected = pattern.matcher(text).find();
                found += expected ? 1 : 0;
                texts++;
                assertEquals(expected ? 1 : 0, dfa.find(text),
                        () -> "/" + r.regex() + "/ flags " + r.flags() + " on \"" + text + '"');
            }
        }
        System.out.printf("RegexDfa accepts %d of %d distinct SigmaHQ regexes; %d texts compared, %d found;"
                + " not accepted: %s%n", accepted, regexes.size(), texts, found, rejected);
        assertTrue(regexes.size() > 100, "regexes: " + regexes.size());
        assertTrue(accepted * 100 >= regexes.size() * 90, accepted + " of " + regexes.size() + " accepted");
        assertTrue(found > 1_000, "texts found: " + found);
    }

    private static Set<Regex> sigmaHqRegexes() {
        RuleSet set = RuleLoader.builder().rejectUnresolvedPlaceholders(false).build()
                .load(SharedData.activeRuleFolders());
        Set<Regex> regexes = new LinkedHashSet<>();
        for (SigmaRule rule : set.rules()) {
            rule.detection().searches().values().forEach(s -> collect(s, regexes));
        }
        return regexes;
    }

    private static void collect(Search search, Set<Regex> out) {
        if (search instanceof Search.AnyOf any) {
            any.alternatives().forEach(s -> collect(s, out));
            return;
        }
        for (DetectionItem item : ((Search.AllOf) search).items()) {
            for (ValueMatcher value : item.values()) {
                if (value instanceof ValueMatcher.Regex r) {
                    out.add(new Regex(r.regex(), r.flags()));
                }
            }
        }
    }

    /** Distinct ASCII string values from the first lines of each Windows event file. */
    private static List<String> eventValues() throws IOException {
        Path windows = SharedData.root().resolve("events/otrf-security-datasets/windows");
        ObjectMapper json = new ObjectMapper();
        Set<String> values = new LinkedHashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(windows)) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                for (int i = 0; i < EVENT_LINES_PER_FILE; i++) {
                    String line = reader.readLine();
                    if (line == null) {
                        break;
                    }
                    for (Iterator<JsonNode> it = json.readTree(line).elements(); it.hasNext(); ) {
                        String v = it.next().asText();
                        if (v.length() > 2 && v.chars().allMatch(c -> c < 128)) {
                            values.add(v);
                        }
                    }
                }
            }
        }
        // The longest values (command lines, scripts) are the ones the DFA is for; the rest, a sample.
        List<String> all = new ArrayList<>(values);
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        List<String> chosen = new ArrayList<>(all.subList(0, Math.min(LONGEST_VALUES, all.size())));
        List<String> rest = new ArrayList<>(all.subList(chosen.size(), all.size()));
        Collections.shuffle(rest, new Random(1));
        chosen.addAll(rest.subList(0, Math.min(OTHER_VALUES, rest.size())));
        return chosen;
    }

    /** Texts made of the regex's literal runs: whole, joined, cut short, with flipped case. */
    private static List<String> derivedTexts(String regex) {
        List<String> runs = new ArrayList<>();
        Matcher m = LITERAL_RUN.matcher(regex.replace("\\\\", "\\").replace("\\.", ".").replace("\\s", " "));
        while (m.find()) {
            runs.add(m.group());
        }
        if (runs.isEmpty()) {
            runs.add("a");
        }
        Random random = new Random(regex.hashCode());
        String[] glue = {"", " ", "\\", ".", "-", "/", "\n", "\"", "=", "0"};
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < DERIVED_TEXTS; t++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + random.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                String run = runs.get(random.nextInt(runs.size()));
                if (random.nextInt(4) == 0) {
                    run = run.substring(0, random.nextInt(run.length() + 1));
                }
                if (random.nextInt(3) == 0) {
                    run = random.nextBoolean() ? run.toUpperCase() : run.toLowerCase();
                }
                b.append(glue[random.nextInt(glue.length)]).append(run);
            }
            texts.add(b.toString());
        }
        return texts;
    }
}

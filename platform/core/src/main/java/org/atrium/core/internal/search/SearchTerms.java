package org.atrium.core.internal.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into search terms, the same way for what is indexed and what is searched: Lucene's
 * standard tokenizer, lower case, and each word in two forms, stemmed as German (umlauts folded:
 * "Drucker", "Druckers" and "drücker" meet) and as English ("printers", "printer"). A ticket's
 * language is not known, so both forms are kept; a word matches if either form does. Ticket keys in
 * the text ("INC-42") are also kept whole. German and English stop words are left out.
 */
public final class SearchTerms {
    /** Longer tokens (hashes, base64) are no words anyone types; the column holds 64 characters. */
    static final int MAX_TERM = 64;
    private static final Pattern TICKET_KEY = Pattern.compile("(?<![\\p{L}\\p{N}-])\\p{L}[\\p{L}\\p{N}]{0,9}-\\p{N}{1,12}(?![\\p{L}\\p{N}-])");
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final Analyzer PLAIN = chain(Stemming.NONE);
    private static final Analyzer GERMAN = chain(Stemming.GERMAN);
    private static final Analyzer ENGLISH = chain(Stemming.ENGLISH);

    private SearchTerms() {
    }

    /** One word of a text and the forms under which it is indexed (one or two; a ticket key: itself). */
    public record Word(String text, Set<String> forms) {
    }

    /**
     * The words of the text in order, repeats included (their count weighs). {@code keepStopWords}:
     * a search made only of stop words ("IT") still searches them.
     */
    public static List<Word> words(String text, boolean keepStopWords) {
        List<Word> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        Matcher keys = TICKET_KEY.matcher(text);
        while (keys.find()) {
            String key = keys.group().toLowerCase(Locale.ROOT);
            if (key.length() <= MAX_TERM) {
                words.add(new Word(key, Set.of(key)));
            }
        }
        List<String> plain = tokens(PLAIN, text);
        List<String> german = tokens(GERMAN, text);
        List<String> english = tokens(ENGLISH, text);
        // the three chains only change tokens, never drop or split one: position i is the same word in each
        if (plain.size() != german.size() || plain.size() != english.size()) {
            throw new IllegalStateException("analysis chains disagree on the words of a text");
        }
        for (int i = 0; i < plain.size(); i++) {
            String word = plain.get(i);
            if (word.length() > MAX_TERM || (!keepStopWords && STOP_WORDS.contains(word))) {
                continue;
            }
            Set<String> forms = new LinkedHashSet<>();
            forms.add(german.get(i));
            forms.add(english.get(i));
            forms.removeIf(form -> form.isEmpty() || form.length() > MAX_TERM);
            if (!forms.isEmpty()) {
                words.add(new Word(word, Set.copyOf(forms)));
            }
        }
        return words;
    }

    /** The words of an indexed text (stop words left out). */
    public static List<Word> words(String text) {
        return words(text, false);
    }

    /** A word of a text where it stands ({@code start} inclusive, {@code end} exclusive, in chars) and its forms. */
    public record Located(int start, int end, Set<String> forms) {
    }

    /** Every word of the text with its place, stop words included (a snippet highlights what was searched). */
    public static List<Located> located(String text) {
        List<Located> located = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return located;
        }
        List<int[]> places = new ArrayList<>();
        try (TokenStream stream = PLAIN.tokenStream("text", new StringReader(text))) {
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                places.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e);
        }
        List<String> german = tokens(GERMAN, text);
        List<String> english = tokens(ENGLISH, text);
        for (int i = 0; i < places.size() && i < german.size() && i < english.size(); i++) {
            String plain = text.substring(places.get(i)[0], places.get(i)[1]).toLowerCase(Locale.ROOT);
            located.add(new Located(places.get(i)[0], places.get(i)[1], new LinkedHashSet<>(List.of(german.get(i), english.get(i), fold(plain)))));
        }
        return located;
    }

    /**
     * What a word typed so far may begin, as the index stores words: its forms and its letters lower
     * case with accents and umlauts folded ("drü" begins "drucker").
     */
    public static Set<String> prefixes(Word word) {
        Set<String> prefixes = new LinkedHashSet<>(word.forms());
        prefixes.add(fold(word.text()));
        prefixes.removeIf(String::isEmpty);
        return prefixes;
    }

    private static String fold(String word) {
        return Normalizer.normalize(word.replace("\u00df", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e);
        }
        return tokens;
    }

    private enum Stemming { NONE, GERMAN, ENGLISH }

    private static Analyzer chain(Stemming stemming) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = switch (stemming) {
                    case NONE -> result;
                    case GERMAN -> new GermanLightStemFilter(new GermanNormalizationFilter(result));
                    case ENGLISH -> new PorterStemFilter(new ASCIIFoldingFilter(new EnglishPossessiveFilter(result)));
                };
                return new TokenStreamComponents(source, result);
            }
        };
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(GermanAnalyzer.getDefaultStopSet(), true);
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return CharArraySet.unmodifiableSet(set);
    }
}

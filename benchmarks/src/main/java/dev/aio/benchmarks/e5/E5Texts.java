package dev.aio.benchmarks.e5;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * E5's texts: distinct, varied English passages of one to three sentences, made from
 * datafaker's providers (quotes from literature, film and television, and sentences filled from
 * its lists of jobs, companies, dishes, diseases, books, places and more). The same seed gives
 * the same texts in the same order on every machine, so the embeddings can be cached and the
 * 20k set is a prefix of the 100k one. Nothing copyrighted is stored in this repository: the
 * fragments come from the datafaker jar on Maven Central.
 */
final class E5Texts {

    /** The seed of every E5 text stream. */
    static final long SEED = 20_250_501L;

    private E5Texts() {
    }

    /**
     * @param count how many texts, all distinct
     * @return the first {@code count} texts of the stream for {@link #SEED}
     */
    static List<String> generate(int count) {
        Random random = new Random(SEED);
        Faker f = new Faker(Locale.ENGLISH, random);
        List<Supplier<String>> quotes = quotes(f);
        List<Supplier<String>> facts = facts(f, random);
        Set<String> out = new LinkedHashSet<>(count * 2);
        while (out.size() < count) {
            StringBuilder b = new StringBuilder();
            // Facts are open-ended (many fillers each); a quote adds a second, unrelated register.
            b.append(pick(facts, random).get());
            int shape = random.nextInt(4);
            if (shape >= 1) {
                b.append(' ').append(pick(quotes, random).get());
            }
            if (shape == 3) {
                b.append(' ').append(pick(facts, random).get());
            }
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<Supplier<String>> quotes(Faker f) {
        return List.of(
                () -> f.shakespeare().hamletQuote(), () -> f.shakespeare().asYouLikeItQuote(),
                () -> f.shakespeare().kingRichardIIIQuote(), () -> f.shakespeare().romeoAndJulietQuote(),
                () -> f.yoda().quote(), () -> f.famousLastWords().lastWords(),
                () -> f.hitchhikersGuideToTheGalaxy().quote(), () -> f.hitchhikersGuideToTheGalaxy().marvinQuote(),
                () -> f.chuckNorris().fact(), () -> f.rickAndMorty().quote(), () -> f.friends().quote(),
                () -> f.gameOfThrones().quote(), () -> f.harryPotter().quote(), () -> f.lebowski().quote(),
                () -> f.movie().quote(), () -> f.starWars().quotes(), () -> f.dune().quote(), () -> f.dune().saying(),
                () -> f.simpsons().quote(), () -> f.seinfeld().quote(), () -> f.matz().quote(),
                () -> f.greekPhilosopher().quote(), () -> f.company().catchPhrase() + ".",
                () -> f.restaurant().review(), () -> f.restaurant().description());
    }

    private static List<Supplier<String>> facts(Faker f, Random r) {
        return List.of(
                () -> f.name().fullName() + " works as a " + f.job().title() + " at " + f.company().name() + " in "
                        + f.address().cityName() + ".",
                () -> "The " + f.book().genre().toLowerCase(Locale.ROOT) + " book \"" + f.book().title() + "\" by "
                        + f.book().author() + " was published by " + f.book().publisher() + ".",
                () -> f.food().dish() + " with " + f.food().ingredient().toLowerCase(Locale.ROOT) + " and "
                        + f.food().spice().toLowerCase(Locale.ROOT) + " is on the menu at " + f.restaurant().name()
                        + ".",
                () -> "Our " + f.commerce().department().toLowerCase(Locale.ROOT) + " team sells the "
                        + f.commerce().productName() + " to customers in " + f.country().name() + ".",
                () -> "Patients with " + f.medical().diseaseName() + " often report " + f.medical().symptoms()
                        .toLowerCase(Locale.ROOT) + " and are treated at " + f.medical().hospitalName() + ".",
                () -> "Students of " + f.educator().course() + " at " + f.university().name() + " also learn "
                        + f.programmingLanguage().name() + ".",
                () -> "The forecast for " + f.address().cityName() + " is " + f.weather().description()
                        .toLowerCase(Locale.ROOT) + " with " + (r.nextInt(40) - 5) + " degrees.",
                () -> "Try to " + f.hacker().verb() + " the " + f.hacker().adjective() + " " + f.hacker().noun()
                        + ", then " + f.hacker().verb() + " the " + f.hacker().abbreviation() + " "
                        + f.hacker().noun() + ".",
                () -> f.science().scientist() + " studied " + f.science().element().toLowerCase(Locale.ROOT) + " with a "
                        + f.science().tool().toLowerCase(Locale.ROOT) + ".",
                () -> "In " + f.harryPotter().location() + ", " + f.harryPotter().character() + " cast "
                        + f.harryPotter().spell() + " at " + f.harryPotter().character() + ".",
                () -> f.starTrek().character() + " took the " + f.starTrek().starship() + " to "
                        + f.starTrek().location() + " to meet the " + f.starTrek().species() + ".",
                () -> "Feeling " + f.mood().feeling().toLowerCase(Locale.ROOT) + ", " + f.name().firstName()
                        + " spent the weekend on " + f.hobby().activity().toLowerCase(Locale.ROOT) + ".",
                () -> "The " + f.animal().name() + " (" + f.animal().scientificName() + ") was seen near "
                        + f.mountain().name() + ".",
                () -> f.company().name() + ", a " + f.company().industry().toLowerCase(Locale.ROOT)
                        + " company, plans to " + f.company().bs() + ".",
                () -> "A " + f.job().seniority().toLowerCase(Locale.ROOT) + " " + f.job().position()
                        .toLowerCase(Locale.ROOT) + " needs " + f.job().keySkills().toLowerCase(Locale.ROOT)
                        + " and " + f.marketing().buzzwords() + ".");
    }
}

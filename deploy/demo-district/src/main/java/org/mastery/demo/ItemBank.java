package org.mastery.demo;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Answer-key items for the competencies of the demo framework, generated from templates with random
 * numbers (so every form of an assessment is different but equivalent). Each item knows its accepted
 * answers and a typical wrong answer (what a student who has not mastered it tends to write).
 */
final class ItemBank {

    record Item(String prompt, List<String> choices, List<String> answers, String typicalError) {
    }

    private ItemBank() {
    }

    static Item item(String code, SplittableRandom r) {
        switch (code) {
            case "5.OA.B.3": {
                int a = 2 + r.nextInt(3);
                int k = 2 + r.nextInt(3);
                int n = 3 + r.nextInt(4);
                return open("Pattern A starts at 0 and adds " + a + ". Pattern B starts at 0 and adds " + (a * k)
                        + ". When pattern A reaches " + (a * n) + ", what is the matching term of pattern B?", a * k * n, a * n + a * k);
            }
            case "5.NBT.B.5": {
                int x = 120 + r.nextInt(800);
                int y = 12 + r.nextInt(80);
                return open(x + " × " + y + " = ?", x * y, x * y + 10 * x);
            }
            case "5.NBT.B.6": {
                int d = 12 + r.nextInt(40);
                int q = 20 + r.nextInt(150);
                return open((d * q) + " ÷ " + d + " = ?", q, q + 1);
            }
            case "5.NF.B.3": {
                int pizzas = 2 + r.nextInt(5);
                int friends = pizzas + 1 + r.nextInt(4);
                return fraction(pizzas + " pizzas are shared equally by " + friends + " friends. What fraction of a pizza does each friend get?",
                        pizzas, friends, friends + "/" + pizzas);
            }
            case "5.NF.B.4": {
                int a = 1 + r.nextInt(3);
                int b = a + 1 + r.nextInt(3);
                int c = 1 + r.nextInt(3);
                int d = c + 1 + r.nextInt(4);
                return fraction(a + "/" + b + " × " + c + "/" + d + " = ? (simplest form)", a * c, b * d, (a + c) + "/" + (b + d));
            }
            case "5.NF.B.5": {
                int w = 3 + r.nextInt(20);
                boolean less = r.nextBoolean();
                String factor = less ? (1 + r.nextInt(3)) + "/" + (5 + r.nextInt(3)) : (7 + r.nextInt(3)) + "/" + (3 + r.nextInt(3));
                return choice("Without computing: is " + w + " × " + factor + " greater than or less than " + w + "?",
                        List.of("greater", "less"), less ? "less" : "greater");
            }
            case "5.NF.B.7": {
                int u = 2 + r.nextInt(5);
                int w = 2 + r.nextInt(6);
                return fraction("1/" + u + " ÷ " + w + " = ?", 1, u * w, w + "/" + u);
            }
            case "5.G.A.2": {
                int x = 1 + r.nextInt(9);
                int y = 1 + r.nextInt(9);
                while (y == x) {
                    y = 1 + r.nextInt(9);
                }
                return choice("A map puts the library " + x + " blocks east and " + y + " blocks north of school (at the origin). Which point is the library?",
                        List.of("(" + x + ", " + y + ")", "(" + y + ", " + x + ")"), "(" + x + ", " + y + ")");
            }
            case "6.RP.A.1.LT1": {
                int a = 2 + r.nextInt(6);
                int b = 2 + r.nextInt(6);
                while (b == a) {
                    b = 2 + r.nextInt(6);
                }
                return new Item("At the zoo there are " + a + " penguins for every " + b + " seals. Write the ratio of penguins to seals (a:b).",
                        null, List.of(a + ":" + b, a + " to " + b, a + "/" + b), b + ":" + a);
            }
            case "6.RP.A.1.LT2": {
                int red = 2 + r.nextInt(8);
                int blue = 2 + r.nextInt(8);
                return new Item("A bag holds " + red + " red and " + blue + " blue marbles. Write the ratio of red marbles to all marbles (a:b).",
                        null, List.of(red + ":" + (red + blue), red + " to " + (red + blue)), red + ":" + blue);
            }
            case "6.RP.A.2.LT1": {
                int h = 2 + r.nextInt(5);
                int speed = 30 + r.nextInt(40);
                return open("A train travels " + (h * speed) + " miles in " + h + " hours at a constant speed. How many miles per hour?", speed, h * speed - h);
            }
            case "6.RP.A.2.LT2": {
                int pounds = 2 + r.nextInt(5);
                int cents = 100 + 25 * r.nextInt(8);
                return choice(pounds + " pounds of apples cost $" + money(pounds * cents) + ". Which sentence describes the unit rate?",
                        List.of("$" + money(cents) + " per pound", money(pounds * cents) + " pounds per dollar"), "$" + money(cents) + " per pound");
            }
            case "6.RP.A.3a.LT1": {
                int a = 2 + r.nextInt(5);
                int b = a + 1 + r.nextInt(5);
                int k = 3 + r.nextInt(5);
                return open("Complete the ratio table: " + a + " : " + b + ", " + (2 * a) + " : " + (2 * b) + ", " + (k * a) + " : ?", k * b, k * a + (b - a));
            }
            case "6.RP.A.3a.LT2": {
                int a = 2 + r.nextInt(4);
                int b = a + 1 + r.nextInt(4);
                return choice("The ratio table of lemons to cups of lemonade starts " + a + " : " + b + ". Which point belongs on its graph?",
                        List.of("(" + (3 * a) + ", " + (3 * b) + ")", "(" + (3 * a) + ", " + (3 * b - 1) + ")", "(" + (3 * b) + ", " + (3 * a) + ")"),
                        "(" + (3 * a) + ", " + (3 * b) + ")");
            }
            case "6.RP.A.3a.LT3": {
                int a = 2 + r.nextInt(3);
                int b = 3 + r.nextInt(3);
                boolean firstStronger = r.nextBoolean();
                int c = firstStronger ? a * 2 - 1 : a * 2 + 1;
                return choice("Juice A mixes " + a + " cups of concentrate with " + b + " cups of water; juice B mixes " + c + " cups with "
                        + (2 * b) + " cups of water. Which tastes more of concentrate?", List.of("A", "B"), firstStronger ? "A" : "B");
            }
            case "6.RP.A.3b.LT1": {
                int n = 3 + r.nextInt(6);
                int cents = 75 + 25 * r.nextInt(8);
                int m = n + 2 + r.nextInt(8);
                return new Item(n + " notebooks cost $" + money(n * cents) + ". At the same price, how much do " + m + " notebooks cost? (dollars)",
                        null, List.of(money(m * cents), "$" + money(m * cents)), money(m * cents + cents));
            }
            case "6.RP.A.3b.LT2": {
                int a = 12 + 4 * r.nextInt(4);
                int pa = 3 + r.nextInt(4);
                int b = a + 8;
                boolean aBetter = r.nextBoolean();
                int pbCents = aBetter ? (int) Math.ceil(pa * 100.0 * b / a) + 25 : (int) Math.floor(pa * 100.0 * b / a) - 25;
                return choice("Store A sells " + a + " oz of cereal for $" + pa + ".00; store B sells " + b + " oz for $" + money(pbCents)
                        + ". Which is the better buy?", List.of("A", "B"), aBetter ? "A" : "B");
            }
            case "6.RP.A.3c.LT1": {
                int p = 5 * (1 + r.nextInt(15));
                int q = 20 * (1 + r.nextInt(10));
                return open("What is " + p + "% of " + q + "?", p * q / 100.0, q * 100.0 / p);
            }
            case "6.RP.A.3c.LT2": {
                int p = 5 * (2 + r.nextInt(9));
                int whole = 20 * (1 + r.nextInt(10));
                double part = p * whole / 100.0;
                return open(fmt(part) + " is " + p + "% of what number?", whole, part * p / 100.0);
            }
            case "6.RP.A.3d.LT1": {
                int feet = 2 + r.nextInt(12);
                return open("How many inches are in " + feet + " feet?", feet * 12, feet * 3);
            }
            case "7.RP.A.1.LT1": {
                int miles = 1 + r.nextInt(3);
                int quarters = 1 + r.nextInt(3);
                double rate = (miles / 2.0) / (quarters / 4.0);
                return open("Maya walks " + miles + "/2 mile every " + quarters + "/4 hour. What is her speed in miles per hour?", rate,
                        (miles / 2.0) * (quarters / 4.0));
            }
            case "7.RP.A.1.LT2": {
                int a = 1 + r.nextInt(3);
                int b = 2 + r.nextInt(4);
                return fraction("Simplify the complex fraction (" + a + "/" + b + ") / (1/" + (b * 2) + ").", a * 2 * b, b, a + "/" + (b * b * 2));
            }
            case "7.RP.A.2a.LT1": {
                int k = 2 + r.nextInt(5);
                boolean proportional = r.nextBoolean();
                int last = proportional ? 5 * k : 5 * k + 1;
                return choice("Is this relationship proportional? x: 1, 2, 5 — y: " + k + ", " + (2 * k) + ", " + last,
                        List.of("yes", "no"), proportional ? "yes" : "no");
            }
            case "7.RP.A.2a.LT2": {
                int k = 2 + r.nextInt(4);
                boolean origin = r.nextBoolean();
                int b = origin ? 0 : 1 + r.nextInt(3);
                return choice("A graph is a straight line through (0, " + b + ") and (2, " + (2 * k + b) + "). Is the relationship proportional?",
                        List.of("yes", "no"), origin ? "yes" : "no");
            }
            case "7.RP.A.2b.LT1": {
                int k = 2 + r.nextInt(8);
                return open("The table shows x: 2, 3, 7 and y: " + (2 * k) + ", " + (3 * k) + ", " + (7 * k)
                        + ". What is the constant of proportionality?", k, 2 * k);
            }
            case "7.RP.A.2c.LT1": {
                int k = 3 + r.nextInt(12);
                return open("Each movie ticket costs $" + k + ". Complete the equation for the total cost t of n tickets: t = ? × n", k, k + 1);
            }
            case "7.RP.A.2d.LT1": {
                int k = 2 + r.nextInt(6);
                return choice("The graph of y = " + k + "x shows dollars earned (y) for hours worked (x). What does the point (1, " + k + ") mean?",
                        List.of("$" + k + " is earned per hour", k + " hours are worked for $1", "nothing is earned in 1 hour"),
                        "$" + k + " is earned per hour");
            }
            case "7.RP.A.3.LT1": {
                int bill = 20 + 4 * r.nextInt(10);
                int tip = 15 + 5 * r.nextInt(2);
                return open("A meal costs $" + bill + ". With a " + tip + "% tip, what is the total? (dollars)", bill * (100 + tip) / 100.0,
                        bill * tip / 100.0);
            }
            case "7.RP.A.3.LT2": {
                int principal = 100 * (2 + r.nextInt(9));
                int rate = 2 + r.nextInt(5);
                int years = 2 + r.nextInt(4);
                return open("How much simple interest does $" + principal + " earn at " + rate + "% per year in " + years + " years? (dollars)",
                        principal * rate * years / 100.0, principal * rate / 100.0);
            }
            case "7.RP.A.3.LT3": {
                int from = 10 * (2 + r.nextInt(8));
                int pct = 5 * (1 + r.nextInt(8));
                int to = from * (100 + pct) / 100;
                if (from * (100 + pct) % 100 != 0) {
                    to = from + from * pct / 100;
                    pct = (to - from) * 100 / from;
                }
                return open("A price rises from $" + from + " to $" + to + ". What is the percent increase?", pct, (to - from) * 100.0 / to);
            }
            default:
                return choice("Which statement best matches " + code + "?", List.of("A", "B", "C"), "A");
        }
    }

    private static Item open(String prompt, double answer, double typicalError) {
        String a = fmt(answer);
        String wrong = fmt(typicalError);
        if (wrong.equals(a)) {
            wrong = fmt(answer + 1);
        }
        return new Item(prompt, null, List.of(a), wrong);
    }

    private static Item fraction(String prompt, int numerator, int denominator, String typicalError) {
        int g = gcd(numerator, denominator);
        String simplest = (numerator / g) + "/" + (denominator / g);
        String answers = denominator / g == 1 ? String.valueOf(numerator / g) : simplest;
        return new Item(prompt, null, denominator / g == 1 ? List.of(answers, simplest) : List.of(simplest), typicalError);
    }

    private static Item choice(String prompt, List<String> choices, String answer) {
        String wrong = choices.stream().filter(c -> !c.equals(answer)).findFirst().orElse("?");
        return new Item(prompt, choices, List.of(answer), wrong);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }

    static String money(int cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    static String fmt(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.valueOf((long) Math.rint(v));
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

package org.mastery.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Fake but plausible names for a US school district, drawn deterministically from a seed. */
final class Names {

    static final List<String> GIVEN = List.of(
            "Aaliyah", "Aarav", "Abigail", "Adrian", "Aiden", "Aisha", "Alejandro", "Alexis", "Amara", "Amelia",
            "Ana", "Andre", "Angel", "Aria", "Ava", "Benjamin", "Brooklyn", "Caleb", "Camila", "Carlos",
            "Carter", "Chloe", "Daniel", "Daniela", "David", "Destiny", "Diego", "Dylan", "Elena", "Eli",
            "Elijah", "Emily", "Emma", "Ethan", "Evelyn", "Fatima", "Gabriel", "Grace", "Hannah", "Hana",
            "Harper", "Hiro", "Ibrahim", "Isabella", "Isaiah", "Jackson", "Jada", "Jamal", "Jasmine", "Javier",
            "Jayden", "Jin", "Jordan", "José", "Joshua", "Kai", "Kayla", "Kenji", "Layla", "Leah",
            "Leo", "Liam", "Lily", "Lucas", "Luis", "Luna", "Malik", "Maria", "Mason", "Maya",
            "Mia", "Mateo", "Michael", "Mohammed", "Naomi", "Nathan", "Nia", "Noah", "Nora", "Oliver",
            "Olivia", "Omar", "Priya", "Quinn", "Rafael", "Riley", "Rosa", "Ryan", "Samuel", "Santiago",
            "Sara", "Sebastian", "Sofia", "Tariq", "Theo", "Valentina", "Wei", "William", "Xavier", "Yusuf",
            "Zara", "Zoe");

    static final List<String> FAMILY = List.of(
            "Abbott", "Adeyemi", "Ahmed", "Alvarez", "Anderson", "Baker", "Banerjee", "Bennett", "Brooks", "Campbell",
            "Carter", "Castillo", "Chen", "Clark", "Cohen", "Collins", "Cruz", "Davis", "Diaz", "Edwards",
            "Evans", "Fernandez", "Fischer", "Flores", "Foster", "Garcia", "Gomez", "Gonzalez", "Gray", "Green",
            "Gupta", "Hall", "Harris", "Hernandez", "Hill", "Hughes", "Ibrahim", "Jackson", "James", "Jimenez",
            "Johnson", "Kaur", "Kim", "King", "Kowalski", "Lee", "Lewis", "Lopez", "Martin", "Martinez",
            "Mendoza", "Miller", "Mitchell", "Moore", "Morales", "Murphy", "Nakamura", "Nelson", "Nguyen", "O'Brien",
            "Okafor", "Ortiz", "Park", "Patel", "Perez", "Peterson", "Phillips", "Price", "Ramirez", "Reed",
            "Reyes", "Richardson", "Rivera", "Roberts", "Robinson", "Rodriguez", "Rossi", "Russell", "Sanchez", "Santos",
            "Scott", "Shah", "Silva", "Singh", "Smith", "Sullivan", "Tanaka", "Taylor", "Thomas", "Thompson",
            "Torres", "Tran", "Turner", "Walker", "Washington", "Watson", "White", "Williams", "Wilson", "Wright",
            "Yang", "Young");

    static final List<String> ADULT_GIVEN = List.of(
            "Adriana", "Ahmed", "Alicia", "Andrew", "Angela", "Anthony", "Beatriz", "Brian", "Carmen", "Catherine",
            "Christopher", "Claudia", "Daniel", "Denise", "Elizabeth", "Eric", "Farah", "Gloria", "Hassan", "Heather",
            "Hyun", "Jennifer", "Jessica", "John", "Jorge", "Karen", "Keisha", "Kevin", "Laura", "Linh",
            "Marcus", "Maria", "Mark", "Michelle", "Monica", "Nadia", "Patricia", "Paul", "Rachel", "Ramon",
            "Rebecca", "Robert", "Samira", "Sandra", "Sarah", "Stephanie", "Steven", "Tamika", "Thomas", "Veronica");

    private Names() {
    }

    static String pick(List<String> names, SplittableRandom random) {
        return names.get(random.nextInt(names.size()));
    }
}

#include "demo/names.h"

namespace casework::demo {

const std::vector<Heritage>& Heritages() {
  static const std::vector<Heritage> heritages = {
      {"White - British",
       {{"No religion", 55}, {"Christian", 40}, {"Declined to say", 5}},
       {{"English", 1}},
       {{"Smith", 100}, {"Jones", 80}, {"Williams", 60}, {"Taylor", 55}, {"Brown", 55}, {"Davies", 45},
        {"Wilson", 40}, {"Evans", 35}, {"Thomas", 35}, {"Johnson", 35}, {"Roberts", 30}, {"Thompson", 30},
        {"Wright", 28}, {"Walker", 28}, {"Robinson", 25}, {"White", 25}, {"Edwards", 22}, {"Hughes", 22},
        {"Green", 22}, {"Hall", 22}, {"Lewis", 20}, {"Harris", 20}, {"Clarke", 20}, {"Jackson", 20},
        {"Wood", 20}, {"Turner", 18}, {"Martin", 18}, {"Cooper", 17}, {"Hill", 17}, {"Ward", 16},
        {"Morris", 16}, {"Moore", 16}, {"Lee", 15}, {"King", 15}, {"Baker", 15}, {"Harrison", 15},
        {"Allen", 14}, {"Scott", 13}, {"Young", 13}, {"Mitchell", 12}, {"Kelly", 12}, {"Bell", 11},
        {"Marshall", 10}, {"Bailey", 10}, {"Shaw", 9}, {"Holmes", 8}, {"Fletcher", 7}, {"Atkinson", 6},
        {"Barker", 6}, {"Hargreaves", 4}, {"Sutcliffe", 3}},
       {{"Olivia", 30}, {"Amelia", 28}, {"Isla", 22}, {"Ava", 22}, {"Lily", 20}, {"Mia", 18}, {"Freya", 15},
        {"Ella", 15}, {"Evie", 14}, {"Grace", 14}, {"Poppy", 13}, {"Sophie", 12}, {"Ruby", 10}, {"Millie", 10},
        {"Chloe", 10}, {"Jessica", 8}, {"Leah", 6}, {"Summer", 5}, {"Macy", 4}, {"Kayleigh", 3}},
       {{"Oliver", 25}, {"George", 22}, {"Noah", 22}, {"Harry", 20}, {"Jack", 20}, {"Leo", 18}, {"Charlie", 18},
        {"Jacob", 15}, {"Alfie", 15}, {"Freddie", 14}, {"Oscar", 13}, {"Archie", 12}, {"Thomas", 12},
        {"Riley", 10}, {"Mason", 10}, {"Tyler", 8}, {"Logan", 8}, {"Kai", 7}, {"Jayden", 6}, {"Callum", 5}},
       {{"Sarah", 10}, {"Emma", 10}, {"Laura", 9}, {"Rebecca", 8}, {"Gemma", 8}, {"Amy", 8}, {"Charlotte", 7},
        {"Hannah", 7}, {"Kirsty", 6}, {"Stacey", 6}, {"Danielle", 6}, {"Jade", 6}, {"Natalie", 5}, {"Katie", 5},
        {"Lauren", 5}, {"Chelsea", 4}, {"Leanne", 4}, {"Michelle", 4}, {"Zoe", 3}},
       {{"Daniel", 10}, {"James", 10}, {"Matthew", 9}, {"Christopher", 9}, {"Michael", 8}, {"David", 8},
        {"Andrew", 7}, {"Lee", 6}, {"Craig", 6}, {"Ryan", 6}, {"Jamie", 5}, {"Liam", 5}, {"Mark", 5},
        {"Paul", 5}, {"Dean", 4}, {"Wayne", 3}, {"Scott", 4}, {"Ashley", 3}, {"Jordan", 3}},
       {{"Susan", 5}, {"Karen", 5}, {"Julie", 5}, {"Tracey", 4}, {"Lorraine", 3}, {"Janet", 3}, {"Linda", 3},
        {"Christine", 3}, {"Denise", 2}}},
      {"Pakistani",
       {{"Muslim", 95}, {"Declined to say", 5}},
       {{"English", 45}, {"Urdu", 35}, {"Punjabi", 20}},
       {{"Khan", 40}, {"Hussain", 30}, {"Ali", 30}, {"Ahmed", 25}, {"Iqbal", 10}, {"Mahmood", 10}, {"Akhtar", 10},
        {"Shah", 10}, {"Butt", 6}, {"Rashid", 5}, {"Bibi", 5}},
       {{"Maryam", 10}, {"Aisha", 9}, {"Fatima", 8}, {"Zainab", 7}, {"Hafsa", 6}, {"Inaaya", 5}, {"Eshaal", 4},
        {"Hanna", 4}},
       {{"Muhammad", 40}, {"Ibrahim", 10}, {"Yusuf", 9}, {"Ayaan", 8}, {"Hamza", 8}, {"Musa", 6}, {"Zayn", 6},
        {"Ali", 5}},
       {{"Nazia", 5}, {"Shazia", 5}, {"Saima", 4}, {"Samina", 4}, {"Rubina", 3}, {"Farah", 3}, {"Asma", 3}},
       {{"Imran", 5}, {"Tariq", 4}, {"Asif", 4}, {"Kamran", 3}, {"Zahid", 3}, {"Naveed", 3}, {"Adnan", 3}},
       {{"Parveen", 3}, {"Nasreen", 3}, {"Razia", 2}}},
      {"Bangladeshi",
       {{"Muslim", 97}, {"Declined to say", 3}},
       {{"English", 40}, {"Bengali", 35}, {"Sylheti", 25}},
       {{"Begum", 20}, {"Miah", 15}, {"Uddin", 15}, {"Rahman", 15}, {"Islam", 10}, {"Ahmed", 10},
        {"Chowdhury", 8}},
       {{"Ayesha", 5}, {"Sumaiya", 4}, {"Tasnim", 4}, {"Raisa", 3}},
       {{"Muhammad", 10}, {"Abdul", 5}, {"Rayyan", 4}, {"Tahmid", 3}},
       {{"Shirin", 3}, {"Rokeya", 3}, {"Taslima", 3}, {"Hasina", 2}},
       {{"Jamal", 3}, {"Shahid", 3}, {"Rafiq", 3}, {"Kamal", 2}},
       {{"Rahima", 2}, {"Jahanara", 2}}},
      {"Indian",
       {{"Sikh", 45}, {"Hindu", 40}, {"Muslim", 10}, {"No religion", 5}},
       {{"English", 60}, {"Punjabi", 25}, {"Gujarati", 15}},
       {{"Patel", 25}, {"Singh", 20}, {"Kaur", 15}, {"Sharma", 8}, {"Mistry", 6}, {"Gill", 8}, {"Sandhu", 6}},
       {{"Anaya", 4}, {"Simran", 4}, {"Priya", 3}, {"Diya", 3}},
       {{"Arjun", 4}, {"Veer", 3}, {"Rohan", 3}, {"Aarav", 3}},
       {{"Manjit", 3}, {"Rupinder", 3}, {"Hema", 2}, {"Sunita", 3}},
       {{"Harjit", 3}, {"Rajesh", 3}, {"Sunil", 2}, {"Gurpreet", 3}},
       {{"Surinder", 2}, {"Kamla", 2}}},
      {"African",
       {{"Christian", 65}, {"Muslim", 30}, {"No religion", 5}},
       {{"English", 60}, {"Somali", 12}, {"Yoruba", 10}, {"Igbo", 8}, {"Twi", 6}, {"Tigrinya", 4}},
       {{"Okafor", 8}, {"Adeyemi", 8}, {"Mensah", 7}, {"Osei", 6}, {"Mohamed", 10}, {"Abdi", 7}, {"Nwosu", 5},
        {"Okonkwo", 5}, {"Asante", 4}, {"Farah", 5}, {"Tesfaye", 3}},
       {{"Precious", 4}, {"Favour", 4}, {"Amara", 4}, {"Zara", 3}, {"Hodan", 3}, {"Blessing", 3}},
       {{"David", 4}, {"Emmanuel", 4}, {"Tobi", 3}, {"Samuel", 4}, {"Abdirahman", 3}, {"Kwame", 2}},
       {{"Grace", 3}, {"Chioma", 3}, {"Ifeoma", 2}, {"Amina", 3}, {"Abena", 2}},
       {{"Chinedu", 3}, {"Kofi", 2}, {"Olumide", 2}, {"Ahmed", 3}, {"Emeka", 2}},
       {{"Comfort", 2}, {"Faduma", 2}}},
      {"Caribbean",
       {{"Christian", 70}, {"No religion", 25}, {"Declined to say", 5}},
       {{"English", 1}},
       {{"Campbell", 6}, {"Brown", 6}, {"Williams", 5}, {"Francis", 4}, {"Grant", 4}, {"Reid", 4},
        {"Stewart", 4}},
       {{"Tiana", 3}, {"Jada", 3}, {"Kiara", 3}, {"Aaliyah", 3}},
       {{"Tyrese", 3}, {"Kyrie", 2}, {"Jaden", 3}, {"Malachi", 3}},
       {{"Shanice", 3}, {"Marcia", 2}, {"Tanya", 3}, {"Keisha", 3}},
       {{"Dwayne", 3}, {"Marlon", 3}, {"Andre", 3}, {"Delroy", 2}},
       {{"Beverley", 2}, {"Hyacinth", 1}}},
      {"Any other White background",
       {{"Christian", 70}, {"No religion", 30}},
       {{"Polish", 45}, {"Romanian", 30}, {"Lithuanian", 15}, {"English", 10}},
       {{"Nowak", 8}, {"Kowalski", 6}, {"Wiśniewski", 4}, {"Wójcik", 4}, {"Lewandowski", 4}, {"Popescu", 6},
        {"Ionescu", 4}, {"Kazlauskas", 3}},
       {{"Zuzanna", 3}, {"Maja", 3}, {"Lena", 3}, {"Ioana", 3}, {"Emilia", 3}},
       {{"Jakub", 4}, {"Antoni", 3}, {"Filip", 3}, {"Andrei", 3}, {"Matas", 2}},
       {{"Agnieszka", 3}, {"Katarzyna", 3}, {"Elena", 3}, {"Monika", 3}},
       {{"Piotr", 3}, {"Tomasz", 3}, {"Marius", 3}, {"Lukas", 2}},
       {{"Halina", 2}, {"Maria", 2}}},
      {"Traveller of Irish heritage",
       {{"Christian", 90}, {"No religion", 10}},
       {{"English", 1}},
       {{"Doherty", 4}, {"McDonagh", 4}, {"Ward", 3}, {"Connors", 3}},
       {{"Bridget", 2}, {"Mary", 2}, {"Kathleen", 2}},
       {{"Patrick", 3}, {"John", 2}, {"Michael", 2}},
       {{"Margaret", 2}, {"Ellen", 2}},
       {{"Martin", 2}, {"Thomas", 2}},
       {{"Nora", 2}}},
  };
  return heritages;
}

const std::vector<int>& HeritageWeights() {
  static const std::vector<int> weights = {66, 9, 3, 4, 6, 4, 6, 2};
  return weights;
}

const std::vector<const char*>& Streets() {
  static const std::vector<const char*> streets = {
      "Harehills Lane", "Roundhay Road", "Beeston Road", "Dewsbury Road", "Kirkstall Road", "Tong Road",
      "Seacroft Crescent", "Belle Isle Road", "Chapeltown Road", "Stanningley Road", "Middleton Park Avenue",
      "Gipton Approach", "Armley Ridge Road", "Holbeck Moor Road", "Cross Gates Road", "Burley Road",
      "Meanwood Road", "Hawksworth Grove", "Ings Road", "Oakwood Lane"};
  return streets;
}

const std::vector<const char*>& PostcodeDistricts() {
  static const std::vector<const char*> districts = {"LS6", "LS7", "LS8", "LS9", "LS10", "LS11", "LS12",
                                                     "LS13", "LS14", "LS15"};
  return districts;
}

const std::vector<const char*>& Schools() {
  static const std::vector<const char*> schools = {
      "Bankside Primary School", "Shakespeare Primary School", "Hillside Primary School",
      "Cockburn School", "Co-op Academy Leeds", "Carr Manor Community School", "Parklands Primary School",
      "St Nicholas Catholic Primary School", "Leeds City Academy", "Swallow Hill Community College"};
  return schools;
}

}  // namespace casework::demo

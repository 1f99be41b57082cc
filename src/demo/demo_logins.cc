#include "demo/demo_data.h"

namespace casework::demo {

const std::vector<DemoLogin>& DemoLogins() {
  static const std::vector<DemoLogin> logins = {
      {"sam.okafor", "Sam Okafor", "Social Worker", "practitioner", "Assessment Team North", "Children's Social Care"},
      {"jo.birch", "Jo Birch", "Senior Social Worker", "practitioner", "Assessment Team North",
       "Children's Social Care"},
      {"maureen.hughes", "Maureen Hughes", "Team Manager", "team_manager", "Assessment Team North",
       "Children's Social Care"},
      {"daniel.reyes", "Daniel Reyes", "Social Worker", "practitioner", "Child Protection Team East",
       "Children's Social Care"},
      {"aisha.rahman", "Aisha Rahman", "Social Worker", "practitioner", "Child Protection Team East",
       "Children's Social Care"},
      {"tom.fletcher", "Tom Fletcher", "Senior Social Worker", "practitioner", "Child Protection Team East",
       "Children's Social Care"},
      {"grace.adeyemi", "Grace Adeyemi", "Team Manager", "team_manager", "Child Protection Team East",
       "Children's Social Care"},
      {"priya.shah", "DC Priya Shah", "Detective Constable, Public Protection Unit", "partner_practitioner", "",
       "Police"},
      {"helen.ward", "Helen Ward", "Health Visitor", "partner_practitioner", "", "Health"},
      {"rita.patel", "Rita Patel", "Records Officer", "records_officer", "", "Children's Social Care"},
      {"alex.morgan", "Alex Morgan", "Quality Assurance Auditor", "auditor", "", "Children's Social Care"},
      {"ade.admin", "Ade Bello", "Systems Administrator", "administrator", "", "Council IT"},
  };
  return logins;
}

}  // namespace casework::demo

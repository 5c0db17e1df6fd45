package fr.passerelle.reporting.review.web;

import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.reporting.facts.KnowledgeTime;
import fr.passerelle.reporting.review.query.DepartmentReview;
import fr.passerelle.reporting.review.query.DepartmentSeries;
import fr.passerelle.reporting.review.query.FindDepartmentReviewQuery;
import fr.passerelle.reporting.review.query.NationalReview;
import fr.passerelle.reporting.review.query.ReviewQueryHandler;
import fr.passerelle.reporting.review.query.SeriesQueryHandler;
import fr.passerelle.reporting.review.smallcells.ExactFigures;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviews: a département's (JSON or CSV) over a year or any period, and the national one of a
 * year, each as known now or at an instant ({@code asOf}); and a département's figures month by
 * month, as known now. Who may read them is checked by the route guard against the route table
 * before anything is read (docs/security.md); who reads exact figures is decided here: the
 * département's own staff (its secretariat, préfecture and auditors), the others read them with
 * statistical secrecy.
 */
@RestController
class ReviewController {

  private final ReviewQueryHandler reviews;
  private final SeriesQueryHandler series;
  private final ReviewRequests requests;

  ReviewController(ReviewQueryHandler reviews, SeriesQueryHandler series, KnowledgeTime knowledge) {
    this.reviews = reviews;
    this.series = series;
    this.requests = new ReviewRequests(knowledge);
  }

  @GetMapping("/api/departements/{departmentCode}/reports/review")
  DepartmentReview departmentReview(
      @PathVariable String departmentCode,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      PasserelleUser caller) {
    return reviews.handle(query(departmentCode, year, from, to, asOf, caller));
  }

  @GetMapping("/api/departements/{departmentCode}/reports/review.csv")
  ResponseEntity<String> departmentReviewCsv(
      @PathVariable String departmentCode,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf,
      PasserelleUser caller) {
    DepartmentReview review = reviews.handle(query(departmentCode, year, from, to, asOf, caller));
    ContentDisposition attachment =
        ContentDisposition.attachment().filename(ReviewCsv.fileName(review)).build();
    return ResponseEntity.ok()
        .contentType(ReviewCsv.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
        .body(ReviewCsv.of(review));
  }

  /** The département's figures month by month, from {@code from} to {@code to} (YYYY-MM). */
  @GetMapping("/api/departements/{departmentCode}/reports/series")
  DepartmentSeries departmentSeries(
      @PathVariable String departmentCode,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      PasserelleUser caller) {
    return series.handle(
        requests.departmentSeries(departmentCode, from, to, ExactFigures.readBy(caller)));
  }

  @GetMapping("/api/reports/national")
  NationalReview nationalReview(
      @RequestParam(required = false) String year, @RequestParam(required = false) String asOf) {
    return reviews.handle(requests.nationalReview(year, asOf));
  }

  private FindDepartmentReviewQuery query(
      String departmentCode,
      String year,
      String from,
      String to,
      String asOf,
      PasserelleUser caller) {
    return requests.departmentReview(
        departmentCode, year, from, to, asOf, ExactFigures.readBy(caller));
  }
}

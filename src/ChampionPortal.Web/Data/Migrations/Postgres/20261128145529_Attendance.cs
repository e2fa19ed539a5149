using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Attendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckInCode",
                table: "Sessions",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Attendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    LocalGovernmentId = table.Column<int>(type: "integer", nullable: true),
                    CountryCode = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MinutesAttended = table.Column<int>(type: "integer", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendances_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_LocalGovernments_LocalGovernmentId",
                        column: x => x.LocalGovernmentId,
                        principalTable: "LocalGovernments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HeaderSignature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmailColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JoinColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaveColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DurationColumn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportColumnMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_CheckInCode",
                table: "Sessions",
                column: "CheckInCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_AuthorityId",
                table: "Attendances",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_CohortId_Status_CountryCode",
                table: "Attendances",
                columns: new[] { "CohortId", "Status", "CountryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_CountryCode",
                table: "Attendances",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_LocalGovernmentId",
                table: "Attendances",
                column: "LocalGovernmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_SessionId_AuthorityId",
                table: "Attendances",
                columns: new[] { "SessionId", "AuthorityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportColumnMappings_HeaderSignature",
                table: "ReportColumnMappings",
                column: "HeaderSignature",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attendances");

            migrationBuilder.DropTable(
                name: "ReportColumnMappings");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_CheckInCode",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CheckInCode",
                table: "Sessions");
        }
    }
}
